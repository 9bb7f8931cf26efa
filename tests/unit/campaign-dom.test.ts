import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { campaignFromDom } from '@/utils/probe/campaign-dom';

const doc = (html: string) => parseHTML(`<html><head></head><body>${html}</body></html>`).document as unknown as Document;

describe('campaign platforms recognised in the markup', () => {
  it('each platform by its own embed code', () => {
    const found = campaignFromDom(
      doc(`
        <div class="ngp-form" data-form-url="https://secure.everyaction.com/v1/Forms/abc"></div>
        <a href="https://secure.actblue.com/donate/moreau2026">Donate</a>
        <div id="can-form-area-river-volunteers"></div>
        <a href="https://secure.winred.com/candidate/donate">Give</a>
        <iframe src="https://secure.anedot.com/org/donate"></iframe>
        <a href="https://www.mobilize.us/org/event/1/">Volunteer</a>
        <script src="https://assets.nationbuilder.com/assets/liquid/nb.js"></script>`),
    );
    expect(found.map((f) => f.kind === 'campaign' && [f.platform, f.evidence])).toEqual([
      ['everyaction', 'ngp-form'],
      ['actblue', 'actblue-donate'],
      ['action-network', 'can-form-area'],
      ['winred', 'winred-donate'],
      ['anedot', 'anedot-donate'],
      ['mobilize', 'mobilize-event'],
      ['nationbuilder', 'nationbuilder-assets'],
    ]);
  });
  it('Action Network by its widget script alone; look-alikes are not platforms', () => {
    expect(campaignFromDom(doc('<script src="https://actionnetwork.org/widgets/v5/form/x?format=js"></script>')).map((f) => f.kind === 'campaign' && f.platform)).toEqual(['action-network']);
    const none = campaignFromDom(
      doc(`
        <div class="ngp-form" data-form-url="https://forms.example.org/1"></div>
        <a href="https://example.org/secure.actblue.com/donate/">not ActBlue</a>
        <div id="can-form"></div>
        <a href="https://winred.example.com/">x</a>`),
    );
    expect(none).toEqual([]);
  });
  it('never throws, whatever the document does', () => {
    const hostile = { querySelector: () => { throw new Error('trap'); } } as unknown as Document;
    expect(campaignFromDom(hostile)).toEqual([]);
  });
});
