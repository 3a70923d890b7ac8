// Minimal types for the parts of citation-js (0.8, untyped CommonJS) that Fundstelle uses.

declare module '@citation-js/core' {
  /** citation-js' registry of named values (styles, locales). */
  export interface CitationRegister<T> {
    add(key: string, value: T): void;
    has(key: string): boolean;
    get(key: string): T | undefined;
    remove(key: string): void;
    list(): string[];
  }

  /** The `@csl` plugin's configuration: registered styles and locales (XML). */
  export interface CslPluginConfig {
    styles: CitationRegister<string>;
    locales: CitationRegister<string>;
  }

  /** A CSL-JSON item as citation-js passes it around (may carry an internal `_graph`). */
  export type CitationData = Record<string, unknown>;

  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: CitationData[];
    format(format: string, options?: Record<string, unknown>): unknown;
  }

  export const plugins: {
    config: { get(name: '@csl'): CslPluginConfig; get(name: string): unknown };
    input: {
      /** One parsing step (e.g. RIS text → raw RIS records). */
      chainLink(input: unknown, options?: Record<string, unknown>): unknown;
      /** Parses all the way to CSL-JSON. */
      chain(input: unknown, options?: Record<string, unknown>): CitationData[];
    };
    output: {
      format(name: string, data: readonly unknown[], options?: Record<string, unknown>): unknown;
      list(): string[];
    };
  };
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
