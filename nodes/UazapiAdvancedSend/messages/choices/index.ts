/**
 * uazapi's `choices` grammar and the editor's builders that compile to it: the grammar's guards,
 * the fields every interactive type has, the button builder, Raw Choices, and the structure
 * checks the schemas apply.
 */
export * from './grammar';
export * from './interactiveFields';
export * from './buttons';
export * from './choicesInput';
export * from './structure';
