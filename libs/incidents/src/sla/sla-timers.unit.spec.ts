import { nextTimerOf, timerJobId, toJob } from './sla-timers';

const row = (reminders: { fraction: number; at: string }[], due = '2026-11-28T10:00:00.000Z') => ({
  incident_id: 'i-1',
  escalation_id: '01900000-0000-7000-8000-0000000000e1',
  clock: 'ACKNOWLEDGEMENT',
  due_at: due,
  reminders: JSON.stringify(reminders),
});

describe('the next timer of a running clock', () => {
  it('is its earliest pending reminder, else its deadline', () => {
    const reminders = [
      { fraction: 0.9, at: '2026-11-28T07:36:00.000Z' },
      { fraction: 0.5, at: '2026-11-27T22:00:00.000Z' },
    ];
    expect(nextTimerOf(row(reminders))).toMatchObject({
      kind: 'reminder',
      fraction: 0.5,
      fireAt: '2026-11-27T22:00:00.000Z',
    });
    expect(nextTimerOf(row([]))).toMatchObject({
      kind: 'breach',
      fraction: null,
      fireAt: '2026-11-28T10:00:00.000Z',
    });
  });

  it('has a deterministic BullMQ id without colons, naming the schedule it belongs to', () => {
    const timer = nextTimerOf(row([]));
    expect(timerJobId(timer)).toBe(timerJobId({ ...timer }));
    expect(timerJobId(timer)).not.toContain(':');
    expect(timerJobId(timer)).not.toBe(timerJobId(nextTimerOf(row([], '2026-11-28T10:00:01.000Z'))));
  });

  it('keeps its job payload small', () => {
    const { data } = toJob(nextTimerOf(row([])));
    expect(JSON.stringify(data).length).toBeLessThan(160);
  });
});
