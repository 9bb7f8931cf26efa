import { browser } from 'wxt/browser';
import type { ImportResult } from '../db/import-payload';
import type { HistoryMessage } from '../messages';
import type { HistorySettings } from './settings';

/** Extension pages change the history only by asking the background, its one writer. */
export function sendHistory(msg: Extract<HistoryMessage, { type: 'history:import' }>): Promise<ImportResult>;
export function sendHistory(msg: Extract<HistoryMessage, { type: 'history:settings' | 'history:pause' }>): Promise<HistorySettings>;
export function sendHistory(msg: HistoryMessage): Promise<unknown>;
export function sendHistory(msg: HistoryMessage): Promise<unknown> {
  return browser.runtime.sendMessage(msg);
}
