/**
 * A small floor for the break tests: four agents on queue `standard` of team A (SIP/2003 has worked 2 h 40 without a
 * break, the others 1 h), and four calls in the last ten minutes answered by SIP/2004 (wait 5 s, talk 120 s, wrap-up
 * 10 s). Times run back from `now`.
 */
export function breakFloor(now: number): Record<string, unknown>[] {
  const at = (agoSec: number) => new Date(now - agoSec * 1000).toISOString();
  const logIn = (agent: string, agoSec: number) => ({
    type: 'agent.logged_in',
    id: `in-${agent}`,
    at: at(agoSec),
    agent,
    queue: 'standard',
    team: 'A',
  });
  const calls = [600, 450, 300, 150].flatMap((ago, i) => [
    { type: 'contact.queued', id: `q${i}`, at: at(ago), contactId: `c${i}`, queue: 'standard' },
    {
      type: 'contact.answered',
      id: `a${i}`,
      at: at(ago - 5),
      contactId: `c${i}`,
      queue: 'standard',
      agent: 'SIP/2004',
      waitSec: 5,
    },
    {
      type: 'contact.ended',
      id: `e${i}`,
      at: at(ago - 125),
      contactId: `c${i}`,
      queue: 'standard',
      agent: 'SIP/2004',
      talkSec: 120,
      wrapupSec: 10,
    },
  ]);
  return [logIn('SIP/2001', 3600), logIn('SIP/2002', 3600), logIn('SIP/2003', 9600), logIn('SIP/2004', 3600), ...calls];
}
