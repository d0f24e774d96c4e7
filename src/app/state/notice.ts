/**
 * A message for the user: a catalogue message of some part of the app (a function calling that
 * part's `t`, called again each time it is shown so it follows the language), or a text from
 * elsewhere (an engine or loader error, which names files and lines) shown as it is.
 */
export type Notice = { text: string } | { say: () => string };

/** The text of a notice in the current language. */
export function noticeText(notice: Notice): string {
  return 'text' in notice ? notice.text : notice.say();
}

/** An error that carries a notice, so its message can follow the language when shown. */
export class NoticeError extends Error {
  constructor(readonly notice: Notice) {
    super(noticeText(notice));
    this.name = 'NoticeError';
  }
}

/** The notice of any caught error. */
export function noticeOf(error: unknown): Notice {
  if (error instanceof NoticeError) return error.notice;
  return { text: error instanceof Error ? error.message : String(error) };
}
