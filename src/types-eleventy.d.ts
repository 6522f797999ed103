/** The slice of Eleventy's programmatic API Broadsheet uses (Eleventy ships no type declarations). */
declare module '@11ty/eleventy' {
  export interface UserConfig {
    addGlobalData(name: string, value: unknown): void;
    addFilter(name: string, fn: (this: FilterContext, ...args: never[]) => unknown): void;
    addWatchTarget(path: string): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setTemplateFormats(formats: string | string[]): void;
    setQuietMode(quiet: boolean): void;
    setServerOptions(options: Record<string, unknown>): void;
    on(event: string, fn: (...args: unknown[]) => unknown): void;
    ignores: { add(glob: string): void };
    [key: string]: unknown;
  }
  export interface FilterContext {
    readonly page?: { readonly url?: string | false; readonly outputPath?: string | false };
    /** The data the template is rendered with (Nunjucks). */
    readonly ctx?: Record<string, unknown>;
  }
  export interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string;
    runMode?: 'build' | 'serve' | 'watch';
    config?: (config: UserConfig) => void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    /** Silences Eleventy's own console output (its errors still reject `write()`). */
    disableLogger(): void;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<unknown>;
    setIncrementalBuild(incremental: boolean): void;
  }
}
