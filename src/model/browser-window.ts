// A browser window for code written for one (Mermaid's browser build): jsdom's window, whose globals are
// the page's own (`window`, `document`, `Option`, `getComputedStyle`…), plus the web platform globals such
// code uses that jsdom lacks. Scripts run inside it as a page's `<script>` would; the process's own
// globals are never touched, so nothing else in the process looks like a browser. No network: the window
// has no `fetch`, and its page is empty.
import { readFile } from 'node:fs/promises';
import { Script } from 'node:vm';

export interface BrowserWindow {
  /** The window's global object (`window` to the scripts run in it). */
  readonly window: Record<string, unknown>;
  /** Runs a script file in the window, as `<script src>` would. */
  runScript(path: string): Promise<void>;
}

/** Opens an empty page in a window of its own. */
export async function openWindow(): Promise<BrowserWindow> {
  const { JSDOM } = await import('jsdom');
  const page = new JSDOM('', { runScripts: 'outside-only' });
  const context = page.getInternalVMContext();
  const window = page.window as Record<string, unknown>;
  window.structuredClone = (value: unknown) => structuredCloneIn(window as unknown as Realm, value);
  return {
    window,
    async runScript(path) {
      new Script(await readFile(path, 'utf8'), { filename: path }).runInContext(context);
    },
  };
}

/** The constructors of a window's realm that a clone is made of. */
type Realm = Pick<typeof globalThis, 'Object' | 'Array' | 'Map' | 'Set' | 'Date' | 'RegExp' | 'Error' | 'ArrayBuffer' | 'DataView' | 'DOMException'> &
  Record<string, unknown>;

/**
 * The HTML structured clone, as browsers have it and jsdom does not, making its copies of the window's
 * own objects (Node's `structuredClone` makes them in the process's realm, where the page's
 * `instanceof Map` fails): primitives, plain objects, arrays, dates, regular expressions, maps, sets,
 * errors, boxed primitives and binary data, cycles kept. Functions, symbols and DOM nodes are not
 * cloneable, as in a browser; a class instance clones as a plain object of its own fields.
 */
function structuredCloneIn(realm: Realm, value: unknown): unknown {
  const copies = new Map<object, unknown>();
  const refuse = (what: unknown): never => {
    const name = typeof what === 'symbol' ? what.toString() : Object.prototype.toString.call(what);
    throw new realm.DOMException(`${name} could not be cloned.`, 'DataCloneError');
  };
  const clone = (v: unknown): unknown => {
    if (typeof v === 'function' || typeof v === 'symbol') return refuse(v);
    if (v === null || typeof v !== 'object') return v;
    if (copies.has(v)) return copies.get(v);
    const keep = <T>(copy: T): T => (copies.set(v, copy), copy);
    const tag = Object.prototype.toString.call(v).slice(8, -1);
    switch (tag) {
      case 'Boolean': case 'Number': case 'String': case 'BigInt':
        return keep(realm.Object((v as { valueOf(): unknown }).valueOf()));
      case 'Date':
        return keep(new realm.Date((v as Date).getTime()));
      case 'RegExp':
        return keep(new realm.RegExp((v as RegExp).source, (v as RegExp).flags));
      case 'ArrayBuffer': {
        const copy = keep(new realm.ArrayBuffer((v as ArrayBuffer).byteLength));
        new Uint8Array(copy).set(new Uint8Array(v as ArrayBuffer));
        return copy;
      }
      case 'DataView': {
        const view = v as DataView;
        return keep(new realm.DataView(clone(view.buffer) as ArrayBuffer, view.byteOffset, view.byteLength));
      }
      case 'Map': {
        const copy = keep(new realm.Map());
        for (const [key, entry] of v as Map<unknown, unknown>) copy.set(clone(key), clone(entry));
        return copy;
      }
      case 'Set': {
        const copy = keep(new realm.Set());
        for (const entry of v as Set<unknown>) copy.add(clone(entry));
        return copy;
      }
      case 'Error': {
        const error = v as Error;
        const Kind = realm[error.name];
        const copy = keep(new (typeof Kind === 'function' && /^\w*Error$/.test(error.name) ? (Kind as ErrorConstructor) : realm.Error)(error.message));
        if (error.stack !== undefined) copy.stack = error.stack;
        return copy;
      }
      case 'Array': case 'Object': {
        if (typeof (v as { nodeType?: unknown }).nodeType === 'number') return refuse(v);
        const copy = keep((tag === 'Array' ? new realm.Array((v as unknown[]).length) : new realm.Object()) as Record<string, unknown>);
        for (const key of Object.keys(v)) copy[key] = clone((v as Record<string, unknown>)[key]);
        return copy;
      }
      default: {
        const Typed = realm[tag];
        if (!ArrayBuffer.isView(v) || typeof Typed !== 'function') return refuse(v);
        const view = v as Uint8Array;
        const TypedArray = Typed as new (buffer: ArrayBuffer, offset: number, length: number) => unknown;
        return keep(new TypedArray(clone(view.buffer) as ArrayBuffer, view.byteOffset, view.length));
      }
    }
  };
  return clone(value);
}
