// @ts-check
// Python for the editor: the lezer grammar with its highlighting, indentation
// and folding rules. Not python() from @codemirror/lang-python: its
// completion sources are dead weight here, as the editor has no autocompletion.
import { LanguageSupport } from "@codemirror/language";
import { pythonLanguage } from "@codemirror/lang-python";

export const pythonSupport = new LanguageSupport(pythonLanguage);
