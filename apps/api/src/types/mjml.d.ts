// mjml-core 5 ships no type declarations; this covers the part of its API the templates use.
declare module 'mjml-core' {
  export interface MjmlError {
    line: number;
    message: string;
    tagName: string;
  }
  export interface MjmlOptions {
    presets?: unknown[];
    fonts?: Record<string, string>;
    validationLevel?: 'strict' | 'soft' | 'skip';
    keepComments?: boolean;
  }
  export default function mjml2html(
    mjml: string,
    options?: MjmlOptions,
  ): Promise<{ html: string; errors: MjmlError[] }>;
}

declare module 'mjml-preset-core' {
  const preset: unknown;
  export default preset;
}
