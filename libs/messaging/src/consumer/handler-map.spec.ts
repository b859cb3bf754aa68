import { eventsSubscribedBy } from '#contracts';
import { HandlesEvent } from './handles-event.decorator';
import { buildHandlerMap } from './handler-map';

describe('the handler map checked at boot', () => {
  class CaseStageHandler {
    @HandlesEvent('case.stage-changed')
    async onStageChanged(): Promise<void> {}
  }

  it('refuses to boot a service that subscribes to an event it has no handler for', () => {
    expect(() => buildHandlerMap('scheduling', [new CaseStageHandler()])).toThrow(/scheduling subscribes to .*participant\.added.* but has no handler/);
  });

  it('refuses two handlers for one event', () => {
    expect(() => buildHandlerMap('scheduling', [new CaseStageHandler(), new CaseStageHandler()])).toThrow(
      'scheduling has two handlers for case.stage-changed',
    );
  });

  it('refuses a handler for an event the service does not subscribe to', () => {
    class FeedbackHandler {
      @HandlesEvent('feedback.recorded')
      async onFeedback(): Promise<void> {}
    }
    expect(eventsSubscribedBy('scheduling')).not.toContain('feedback.recorded');
    expect(() => buildHandlerMap('scheduling', [new FeedbackHandler()])).toThrow(
      'FeedbackHandler handles feedback.recorded, which scheduling does not subscribe to in libs/contracts',
    );
  });

  it('maps each event of a fully handled subscription to its handler, bound to its instance', async () => {
    class Counter {
      calls = 0;
      @HandlesEvent('case.referred')
      async onReferred(): Promise<void> {
        this.calls += 1;
      }
    }
    // Give every other event reporting subscribes to a handler class of its own.
    const counter = new Counter();
    const others = eventsSubscribedBy('reporting').filter((type) => type !== 'case.referred');
    const handlers = others.map((type) => {
      class Other {
        @HandlesEvent(type)
        async handle(): Promise<void> {}
      }
      return new Other();
    });
    const map = buildHandlerMap('reporting', [counter, ...handlers]);
    expect(map.size).toBe(others.length + 1);
    await map.get('case.referred')!({} as never, {} as never);
    expect(counter.calls).toBe(1);
  });
});
