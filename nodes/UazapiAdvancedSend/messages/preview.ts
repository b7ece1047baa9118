import type { IDataObject } from 'n8n-workflow';

/**
 * A uazapi message as a person reads it in WhatsApp, in plain text, for the dry run's Table view:
 * the text, then buttons as [Label], list sections and rows, poll options, cards. A preview, not
 * the payload: the exact message is output beside it.
 */

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const choicesOf = (message: IDataObject) =>
	Array.isArray(message.choices) ? message.choices.map(String) : [];
const labelOf = (choice: string) => choice.split('|')[0];
const lines = (...parts: string[]) => parts.filter((part) => part !== '').join('\n');

function buttonsLine(choices: string[]): string {
	return choices.map((choice) => `[${labelOf(choice)}]`).join(' ');
}

function list(message: IDataObject): string {
	const sections: string[] = [];
	for (const choice of choicesOf(message)) {
		if (choice.startsWith('[') && choice.endsWith(']')) sections.push(`${choice.slice(1, -1)}:`);
		else sections.push(`  • ${labelOf(choice)}`);
	}
	return lines(text(message.text), `[${text(message.listButton)}]`, ...sections);
}

function carousel(message: IDataObject): string {
	const cards: Array<{ lines: string[]; buttons: string[] }> = [];
	for (const choice of choicesOf(message)) {
		const card = cards[cards.length - 1];
		if (choice.startsWith('[') && choice.endsWith(']')) {
			const [title, ...body] = choice.slice(1, -1).split('\n');
			cards.push({ lines: [`Card ${cards.length + 1}: ${title}`, ...body], buttons: [] });
		} else if (choice.startsWith('{') && choice.endsWith('}')) {
			card?.lines.push(`🖼 ${choice.slice(1, -1)}`);
		} else {
			card?.buttons.push(choice);
		}
	}
	return lines(
		text(message.text),
		...cards.map((card) => lines(...card.lines, buttonsLine(card.buttons))),
	);
}

const MEDIA_ICONS: Record<string, string> = {
	image: '🖼',
	video: '🎬',
	videoplay: '🎬',
	audio: '🎵',
	ptt: '🎤',
	myaudio: '🎵',
	sticker: '🏷',
	document: '📄',
};

/** A media file as its link, or the kind of content when it is inline (base64). */
function fileShown(message: IDataObject): string {
	const file = text(message.file);
	return /^https?:\/\//.test(file) ? file : `(${text(message.mimetype) || 'file'} sent inline)`;
}

export function previewOf(message: IDataObject): string {
	const type = String(message.type);
	const footer = text(message.footerText) ? `_${text(message.footerText)}_` : '';
	switch (type) {
		case 'text':
			return text(message.text);
		case 'button':
			return lines(
				text(message.imageButton) ? `🖼 ${text(message.imageButton)}` : '',
				text(message.text),
				footer,
				buttonsLine(choicesOf(message)),
			);
		case 'list':
			return lines(list(message), footer);
		case 'carousel':
			return lines(carousel(message), footer);
		case 'poll':
			return lines(
				`📊 ${text(message.text)}`,
				...choicesOf(message).map((choice) => `○ ${choice}`),
				footer,
			);
		case 'contact':
			return `👤 ${text(message.fullName)} ${text(message.phoneNumber)}`.trim();
		case 'location':
			return `📍 ${text(message.name) || `${String(message.latitude)}, ${String(message.longitude)}`}`;
		default:
			return lines(
				`${MEDIA_ICONS[type] ?? '📎'} ${text(message.docName) || fileShown(message)}`,
				text(message.text),
			);
	}
}
