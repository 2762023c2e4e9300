// remark configuration: remark-cli and the remark (unified) language server run Seam's rules through
// this preset and report the same rule ids as `seam lint`. See content/docs/editor-setup.mdx.
export { default } from './src/lint/remark-preset.ts';
