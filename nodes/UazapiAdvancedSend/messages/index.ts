/**
 * The message model: what the sender's campaign code and the tests use of it. Types are
 * registered in registry.ts, the editor's Messages entry is assembled in editor.ts, messages are
 * built and checked in build.ts.
 */
export type { BinaryFile, BuildContext, MessageTypeDefinition } from './definition';
export type { TextHole } from './textHoles';
export { FieldProblem, fieldPath } from '../../shared/problem';
export { parseJsonField } from './read';
export { base64Bytes } from './schema';
export { isCountryCallingCode, normaliseRecipient, type NumberRules } from './phoneNumber';
export { definitionOf, MESSAGE_TYPES } from './registry';
export { messageEntryProperties, messageNodeProperties } from './editor';
export { artifactHoles, buildMessage, checkJsonMessage, entryLabel } from './build';
export { previewOf } from './preview';
