/** A language's country names, generated from CLDR by apps/web/build/region-names.ts. */
export interface RegionFile {
  readonly _meta: {
    readonly locale: string;
    /** Where the names come from, and how to regenerate them. */
    readonly source: string;
    readonly cldr: string;
    readonly icu: string;
    readonly node: string;
  };
  /** ISO 3166-1 alpha-2 code → the country's name in the language. */
  readonly regions: Readonly<Record<string, string>>;
}
