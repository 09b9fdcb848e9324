import { describe, expect, it } from 'vitest';
import { searchInOrder } from '../../src/lib/search/in-order.ts';

/**
 * A stand-in for Pagefind's Component UI instance with its search step as Pagefind 1.6 writes it
 * (pagefind_ui/component/core/instance.ts): a search is numbered after the load, and Pagefind is
 * set on the instance before its filters have loaded. The test decides when the two loads end.
 */
class FakeInstance {
  __pagefind__: { search(term: string): Promise<{ term: string }> } | null = null;
  drawn: string[] = [];
  events: string[] = [];
  private id = 0;
  private loading: Promise<void> | null = null;
  readonly script = gate();
  readonly filters = gate();

  async __search__(term: string, _filters: Record<string, string[]>): Promise<void> {
    this.__dispatch__('loading');
    await this.__load__();
    const mine = ++this.id;
    const found = await this.__pagefind__!.search(term);
    if (this.id === mine) this.drawn.push(found.term);
  }
  __dispatch__(event: string): void {
    this.events.push(event);
  }
  triggerLoad(): Promise<void> {
    return this.__load__();
  }
  async __load__(): Promise<void> {
    if (this.__pagefind__) return;
    this.loading ??= (async () => {
      await this.script.done;
      this.__pagefind__ = { search: async (term) => ({ term }) };
      await this.filters.done;
    })();
    return this.loading;
  }
}

function gate(): { done: Promise<void>; open: () => void } {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

const turns = async (n = 20) => { for (let i = 0; i < n; i++) await Promise.resolve(); };

/** "ge" asked while Pagefind's script loads, "geneva" while its filters do: the reader's order. */
async function typeDuringLoad(ui: FakeInstance): Promise<void> {
  void ui.__search__('ge', {});
  await turns();
  ui.script.open();
  await turns();
  void ui.__search__('geneva', {});
  await turns();
  ui.filters.open();
  await turns();
}

describe('searches in the order the reader asked them', () => {
  it('the stand-in has the Component UI\'s fault: an older search, numbered late, is drawn last', async () => {
    const ui = new FakeInstance();
    await typeDuringLoad(ui);
    expect(ui.drawn.at(-1)).toBe('ge');
  });

  it('draws the newest search, and never one overtaken while Pagefind loaded', async () => {
    const ui = new FakeInstance();
    searchInOrder(ui);
    await typeDuringLoad(ui);
    expect(ui.drawn).toEqual(['geneva']);
  });

  it('once loaded, runs every search it is asked, in order, and says each is under way at once', async () => {
    const ui = new FakeInstance();
    searchInOrder(ui);
    ui.script.open();
    ui.filters.open();
    await ui.triggerLoad();
    const asked = ui.__search__('gen', {});
    expect(ui.events).toEqual(['loading']);
    await asked;
    await ui.__search__('geneva', {});
    expect(ui.drawn).toEqual(['gen', 'geneva']);
  });
});
