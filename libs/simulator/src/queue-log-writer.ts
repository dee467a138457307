import { eventTime, type VigieEvent } from '@vigie/protocol';

/**
 * The Asterisk queue_log lines of simulated voice events, as Asterisk writes them (PAUSEALL followed by one
 * PAUSE per queue of the agent included). Written channels (e-mail…) are not telephony and are left out.
 */
export function toQueueLogLines(events: Iterable<VigieEvent>): string[] {
  const lines: string[] = [];
  const members = new Map<string, Set<string>>();
  const voice = new Set<string>();
  const position = new Map<string, number>();
  for (const e of events) {
    const t = Math.floor(eventTime(e) / 1000);
    const line = (callid: string, queue: string, agent: string, verb: string, ...data: (string | number)[]) =>
      lines.push([t, callid, queue, agent, verb, ...data].join('|'));
    switch (e.type) {
      case 'agent.logged_in':
        if (e.queue) {
          members.set(e.agent, (members.get(e.agent) ?? new Set()).add(e.queue));
          line('NONE', e.queue, e.agent, 'ADDMEMBER', '');
        }
        break;
      case 'agent.logged_out':
        for (const q of members.get(e.agent) ?? []) {
          line('NONE', q, e.agent, 'REMOVEMEMBER', '');
        }
        members.delete(e.agent);
        break;
      case 'agent.paused':
        line('NONE', 'NONE', e.agent, 'PAUSEALL', e.reason ?? '');
        for (const q of members.get(e.agent) ?? []) {
          line('NONE', q, e.agent, 'PAUSE', e.reason ?? '');
        }
        break;
      case 'agent.ready':
        break;
      case 'contact.queued':
        if (e.channel === 'voice') {
          voice.add(e.contactId);
          position.set(e.contactId, e.position ?? 1);
          line(e.contactId, e.queue, 'NONE', 'ENTERQUEUE', '', e.callerId ?? '', e.position ?? 1);
        }
        break;
      case 'contact.ring_no_answer':
        line(e.contactId, e.queue, e.agent, 'RINGNOANSWER', Math.round(e.ringSec * 1000));
        break;
      case 'contact.answered':
        if (voice.has(e.contactId)) {
          line(e.contactId, e.queue, e.agent, 'CONNECT', e.waitSec, `${e.contactId}.1`, e.ringSec ?? 0);
        }
        break;
      case 'contact.ended':
        if (voice.has(e.contactId)) {
          const verb = e.endedBy === 'agent' ? 'COMPLETEAGENT' : 'COMPLETECALLER';
          line(e.contactId, e.queue, e.agent, verb, e.waitSec ?? 0, e.talkSec, position.get(e.contactId) ?? 1);
        }
        break;
      case 'contact.transferred':
        if (voice.has(e.contactId)) {
          const [ext, ctx] = (e.target ?? '8002@from-internal').split('@');
          line(e.contactId, e.queue, e.agent, 'BLINDTRANSFER', ext ?? '', ctx ?? '', e.waitSec ?? 0, e.talkSec, 1);
        }
        break;
      case 'contact.abandoned':
        if (voice.has(e.contactId)) {
          line(e.contactId, e.queue, 'NONE', 'ABANDON', 1, position.get(e.contactId) ?? 1, e.waitSec);
        }
        break;
      case 'contact.not_distributed':
        if (voice.has(e.contactId)) {
          const pos = position.get(e.contactId) ?? 1;
          if (e.reason === 'key') {
            line(e.contactId, e.queue, 'NONE', 'EXITWITHKEY', e.key ?? '0', 1, pos, e.waitSec);
          } else {
            line(
              e.contactId,
              e.queue,
              'NONE',
              e.reason === 'empty' ? 'EXITEMPTY' : 'EXITWITHTIMEOUT',
              1,
              pos,
              e.waitSec,
            );
          }
        }
        break;
      default:
        break;
    }
    if (e.type === 'agent.ready' && (members.get(e.agent)?.size ?? 0) > 0) {
      const t = Math.floor(eventTime(e) / 1000);
      lines.push([t, 'NONE', 'NONE', e.agent, 'UNPAUSEALL', ''].join('|'));
      for (const q of members.get(e.agent) ?? []) {
        lines.push([t, 'NONE', q, e.agent, 'UNPAUSE', ''].join('|'));
      }
    }
  }
  return lines;
}
