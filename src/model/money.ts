// How amounts of money read, in findings and on the site: British English, whole units unless pence
// matter. Locale-fixed, so a message or a page reads the same on every machine.

/**
 * An amount in `currency` (ISO 4217): `£1,234,000`, or `£1,234.50` when it (or `pence`) asks for
 * pence; `signed` puts `+` before a positive amount. A code Intl cannot use falls back to `1,234,000 XYZ`.
 */
export function formatMoney(amount: number, currency: string, options: { signed?: boolean; pence?: boolean } = {}): string {
  const digits = options.pence || !Number.isInteger(amount) ? 2 : 0;
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: options.signed ? 'exceptZero' : 'auto',
    }).format(amount);
  } catch {
    return `${options.signed && amount > 0 ? '+' : ''}${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
}

/** An amount in whole minor units (pence), so amounts compare and add exactly: 0.1 + 0.2 adds up to 0.3. */
export function minorUnits(amount: number): number {
  return Math.round(amount * 100);
}
