// jsdom ships no types (and @types/jsdom is not a dependency): the part of its API `browser-window.ts` uses.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { runScripts?: 'outside-only' });
    readonly window: object;
    /** The window's global object as a `vm` context, to run scripts in (needs `runScripts`). */
    getInternalVMContext(): import('node:vm').Context;
  }
}
