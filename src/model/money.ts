// How amounts of money read, in findings and on the site: British English, whole units unless pence
// matter. Locale-fixed, so a message or a page reads the same on every machine.

/**
 * An amount in `currency` (ISO 4217): `£1,234,000`, or `£1,234.50` when it (or `pence`) asks for
 * pence; `signed` puts `+` before a positive amount. A code Intl cannot use falls back to `1,234,000 XYZ`.
 */
export function formatMoney(amount: number, currency: string, options: { signed?: boolean; pence?: boolean } = {}): string {
  const digits = options.pence || !Number.isInteger(amount) ? 2 : 0;
  const format = moneyFormat(currency, digits, options.signed === true);
  if (format) return format.format(amount);
  return `${options.signed && amount > 0 ? '+' : ''}${plainFormat.format(amount)} ${currency}`;
}

const plainFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
/** One formatter per currency, digits and sign (`null` for a code Intl refuses): making one costs far more than using it, and a site build formats every amount on every page. */
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string, digits: number, signed: boolean): Intl.NumberFormat | null {
  const key = `${currency}\0${digits}\0${signed}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto' });
    } catch {
      format = null;
    }
    moneyFormats.set(key, format);
  }
  return format;
}

/** An amount in whole minor units (pence), so amounts compare and add exactly: 0.1 + 0.2 adds up to 0.3. */
export function minorUnits(amount: number): number {
  return Math.round(amount * 100);
}
