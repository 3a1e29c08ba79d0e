// Journey 5 (planner): start a draft, drag a shared corner of a block (a reshape: the server moves it for every
// block that has it), have a line that does not cross refused, split the block along a drawn line, merge a
// neighbour into one piece and give it a new governor, see the diff on the map, publish with the confirmation that states the diff — then
// the moved point, the new piece and the merged neighbour locate in their new blocks (API and a resident's pin).
import { describe, expect, inject, it } from 'vitest';
import type { BlockFeature } from '../../core/blocks/generation.js';
import { idle, openPage, screenOf, screenshot, useBrowser } from './helpers/browser';
import { planPlannerJourney } from './helpers/planner-plan';

type P = [number, number];

async function locateId(baseUrl: string, p: P): Promise<string> {
  const res = await fetch(`${baseUrl}/api/locate?lon=${p[0]}&lat=${p[1]}`);
  const body = (await res.json()) as { block: { id: string } };
  return body.block.id;
}

describe('planner: reshape, split, publish', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('drags a corner, splits and merges blocks in a draft, publishes it, and moved points locate in their new blocks', async () => {
    const current = (await (await fetch(`${baseUrl}/api/blocks`)).json()) as { features: BlockFeature[] };
    const plan = planPlannerJourney(current.features);
    expect(await locateId(baseUrl, plan.moved)).toBe(plan.block);

    const { page, errors, expectFailure } = await openPage(
      browser,
      `${baseUrl}/#mode=planner&z=16&c=${plan.center[0]},${plan.center[1]}`,
    );
    expectFailure(/\/api\/generations\/\d+\/edits$/); // the refused edit below (422)
    await page.locator('[data-testid=dev-signin]').click({ timeout: 20_000 });
    await page.locator('[data-testid=start-draft]').click({ timeout: 15_000 });
    const meta = page.locator('[data-testid=draft-meta]');
    await expect.poll(() => meta.getAttribute('data-version'), { timeout: 20_000 }).toBe('1');
    await idle(page);

    /** Frames these points (a planner zooms to what they work on) so every click lands on the map. */
    const showAll = async (points: P[]) => {
      await page.evaluate((pts) => {
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        window.__map!.fitBounds(
          [
            [Math.min(...xs), Math.min(...ys)],
            [Math.max(...xs), Math.max(...ys)],
          ],
          { padding: 120, maxZoom: 16.5, duration: 0 },
        );
      }, points);
      await idle(page);
    };

    // Select the block; its corners become handles.
    await showAll([plan.inside, plan.from, plan.to]);
    const inside = await screenOf(page, plan.inside);
    await page.mouse.click(inside.x, inside.y);
    const selected = page.locator('[data-testid=selected-block] .block-name');
    await expect.poll(() => selected.getAttribute('data-id'), { timeout: 10_000 }).toBe(plan.block);
    await idle(page);

    // Reshape: drag the shared corner inwards.
    const edits: unknown[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/edits'))
        edits.push({ ifMatch: r.headers()['if-match'], body: r.postDataJSON() });
    });
    const from = await screenOf(page, plan.from);
    const to = await screenOf(page, plan.to);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++)
      await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
    await page.mouse.up();
    const status = page.locator('[data-testid=edit-status]');
    await expect.poll(() => status.getAttribute('data-kind'), { timeout: 20_000 }).toBe('ok');
    expect(await meta.getAttribute('data-version')).toBe('2');
    expect(edits[0]).toMatchObject({ ifMatch: '"1"', body: { op: 'move_vertex', from: plan.from } });
    const dropped = (edits[0] as { body: { to: P } }).body.to;
    expect(Math.abs(dropped[0] - plan.to[0]) + Math.abs(dropped[1] - plan.to[1])).toBeLessThan(3e-5);
    await expect
      .poll(() => page.locator('[data-testid=diff-summary]').textContent(), { timeout: 15_000 })
      .toMatch(/新增 0 个、删除 0 个、改变 [2-9] 个区块/);

    // A refused edit says why and changes nothing: a line that does not cross the block.
    const draw = async (line: P[]) => {
      await showAll(line);
      await page.locator('[data-tool=split]').click();
      for (const p of line) {
        const at = await screenOf(page, p);
        await page.mouse.click(at.x, at.y);
        await page.waitForTimeout(600); // a person's pace: two quick clicks would be a double-click (finish)
      }
      await expect
        .poll(() => page.locator('[data-testid=line-actions] .hint').textContent())
        .toBe(`已画 ${line.length} 个点`);
      await page.locator('[data-testid=finish-line]').click();
    };
    await draw(plan.innerLine);
    await expect.poll(() => status.getAttribute('data-kind'), { timeout: 20_000 }).toBe('error');
    expect(await status.textContent()).toContain('EDIT_LINE_DOES_NOT_CROSS');
    expect(await status.textContent()).toContain('拆分线要从区块外开始'); // explained in the planner's language
    expect(await meta.getAttribute('data-version')).toBe('2');

    // Escape leaves the drawing and goes back to selecting.
    await page.locator('[data-tool=split]').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-tool=select]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-testid=line-actions]').isHidden()).toBe(true);

    // Split along a drawn line from outside to outside (nothing to snap to near its points).
    await draw(plan.cut);
    await expect.poll(() => status.getAttribute('data-kind'), { timeout: 20_000 }).toBe('ok');
    expect(await meta.getAttribute('data-version')).toBe('3');
    expect(edits[1]).toMatchObject({ ifMatch: '"2"', body: { op: 'split_block', block: plan.block } });
    expect(edits[2]).toMatchObject({ ifMatch: '"2"', body: { op: 'split_block', block: plan.block } });
    const summary = page.locator('[data-testid=diff-summary]');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/新增 2 个、删除 1 个/);

    // Merge: select the cut's second piece, then click a neighbour of its community; the neighbour joins it.
    await showAll([plan.otherProbe, plan.mergedProbe]);
    const other = await screenOf(page, plan.otherProbe);
    await page.mouse.click(other.x, other.y);
    await expect.poll(() => selected.getAttribute('data-id'), { timeout: 10_000 }).toBe(plan.otherPiece);
    await page.locator('[data-tool=merge]').click();
    const away = await screenOf(page, plan.mergedProbe);
    await page.mouse.click(away.x, away.y);
    await expect.poll(() => meta.getAttribute('data-version'), { timeout: 20_000 }).toBe('4');
    await expect.poll(() => status.getAttribute('data-kind'), { timeout: 20_000 }).toBe('ok');
    expect(edits[3]).toMatchObject({
      ifMatch: '"3"',
      body: { op: 'merge_blocks', blocks: [plan.otherPiece, plan.mergedAway] },
    });
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/新增 2 个、删除 2 个/);

    // The merged piece inherited its parent's cadres: its first assistant becomes its governor.
    const cadres = page.locator('[data-testid=block-cadres]');
    await cadres.locator('summary').click({ timeout: 15_000 });
    const governorBox = cadres.locator('#cadre-governor');
    const assistantsBox = cadres.locator('#cadre-assistants');
    const [oldGovernor, assistantIds] = [await governorBox.inputValue(), await assistantsBox.inputValue()];
    const [newGovernor, ...otherAssistants] = assistantIds.split(' ');
    await governorBox.fill(newGovernor);
    await assistantsBox.fill([oldGovernor, ...otherAssistants].join(' '));
    await cadres.locator('[data-testid=save-cadres]').click();
    await expect.poll(() => meta.getAttribute('data-version'), { timeout: 20_000 }).toBe('5');
    expect(edits[4]).toMatchObject({
      ifMatch: '"4"',
      body: {
        op: 'assign_cadres',
        block: plan.otherPiece,
        governor: newGovernor,
        supervisor: expect.any(String),
      },
    });
    const governorLine = cadres.locator('li').first();
    await expect.poll(() => governorLine.textContent(), { timeout: 15_000 }).toContain(newGovernor);
    const governorName = /：(.+)（/.exec((await governorLine.textContent()) ?? '')?.[1];
    expect(governorName).toBeTruthy();

    await page.locator('[data-tool=select]').click();
    await showAll([plan.inside, plan.from, ...plan.cut]);

    // Changed and new blocks are outlined on the map.
    await idle(page);
    const outlined = await page.evaluate(() =>
      window.__map!.querySourceFeatures('draft-changed').map((f) => String(f.properties.id)),
    );
    expect(outlined).toContain(plan.pieceId);
    await screenshot(page, 'planner', true);

    // Publish: the confirmation states the diff.
    await page.locator('[data-testid=publish]').click();
    const confirm = page.locator('[data-testid=publish-confirm]');
    await expect
      .poll(() => confirm.textContent(), { timeout: 15_000 })
      .toMatch(/发布第 2 版为当前版本：新增 2 个、删除 2 个/);
    await page.locator('[data-testid=confirm-publish]').click();
    await expect
      .poll(() => page.locator('#panel h2').textContent(), { timeout: 60_000 })
      .toBe('第 2 版已发布，成为当前版本。');
    expect(errors()).toEqual([]);
    await page.close();

    // The API locates with the new generation at once (this process dropped its cached pointer on publish).
    const movedTo = await locateId(baseUrl, plan.moved);
    expect(movedTo).toBe(plan.movedOwner); // was plan.block (asserted before the draft)
    expect(await locateId(baseUrl, plan.pieceProbe)).toBe(plan.pieceId);
    expect(await locateId(baseUrl, plan.mergedProbe)).toBe(plan.otherPiece);

    // A resident's pin on the moved point shows the other block; one in the new piece shows the new block.
    const resident = await openPage(browser, `${baseUrl}/#z=16&c=${plan.center[0]},${plan.center[1]}`);
    const card = resident.page.locator('#panel article');
    const pin = await screenOf(resident.page, plan.moved);
    await resident.page.mouse.click(pin.x, pin.y);
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain(movedTo);
    expect(await card.locator('h2').textContent()).toBe(plan.movedOwnerName);
    const piece = await screenOf(resident.page, plan.pieceProbe);
    await resident.page.mouse.click(piece.x, piece.y);
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 20_000 }).toBe(plan.pieceName);
    // The merged neighbour's ground now belongs to the second piece, served by the governor set in the draft.
    const merged = await screenOf(resident.page, plan.mergedProbe);
    await resident.page.mouse.click(merged.x, merged.y);
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain(plan.otherPiece);
    expect(await card.locator('[data-testid=cadres] .name').first().textContent()).toBe(governorName);
    expect(resident.errors()).toEqual([]);
    await resident.page.close();
  });

  it('edits without the map: picks a block by id, moves a corner to typed coordinates, discards the draft', async () => {
    // The first journey published generation 2; plan again on what is current now.
    const current = (await (await fetch(`${baseUrl}/api/blocks`)).json()) as { features: BlockFeature[] };
    const plan = planPlannerJourney(current.features);
    const { page, errors } = await openPage(
      browser,
      `${baseUrl}/#mode=planner&z=14&c=${plan.center[0]},${plan.center[1]}`,
    );
    const signIn = page.locator('[data-testid=dev-signin]');
    await signIn.waitFor({ timeout: 20_000 });
    await signIn.focus();
    await page.keyboard.press('Enter');
    const start = page.locator('[data-testid=start-draft]');
    await start.waitFor({ timeout: 20_000 });
    await start.focus();
    await page.keyboard.press('Enter');
    const meta = page.locator('[data-testid=draft-meta]');
    await expect.poll(() => meta.getAttribute('data-version'), { timeout: 20_000 }).toBe('1');

    const tools = page.locator('[data-testid=keyboard-tools]');
    await tools.locator('summary').focus();
    await page.keyboard.press('Enter');
    await tools.locator('[data-testid=pick-block]').focus();
    await page.keyboard.type(plan.block);
    await page.keyboard.press('Enter');
    const selected = page.locator('[data-testid=selected-block] .block-name');
    await expect.poll(() => selected.getAttribute('data-id'), { timeout: 10_000 }).toBe(plan.block);
    // Merge offers only neighbours of the same community.
    const community = plan.block.slice(0, -3);
    const merges = await tools
      .locator('[data-merge]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-merge')));
    expect(merges.length).toBeGreaterThan(0);
    expect(merges.every((id) => id?.startsWith(community))).toBe(true);

    const sent: unknown[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/edits')) sent.push(r.postDataJSON());
    });
    await tools.locator('#planner-corner').selectOption(`${plan.from[0]},${plan.from[1]}`);
    await tools.locator('#planner-lon').fill(String(plan.to[0]));
    await tools.locator('#planner-lat').fill(String(plan.to[1]));
    await tools.locator('#planner-lat').press('Enter');
    await expect.poll(() => meta.getAttribute('data-version'), { timeout: 20_000 }).toBe('2');
    expect(await page.locator('[data-testid=edit-status]').getAttribute('data-kind')).toBe('ok');
    expect(sent).toEqual([{ op: 'move_vertex', from: plan.from, to: plan.to }]);

    // Discarding asks first; the draft is then gone from the list.
    page.once('dialog', (d) => void d.accept());
    await page.locator('#panel button', { hasText: '放弃草稿' }).last().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=drafts]').count(), { timeout: 15_000 }).toBe(0);
    expect(errors()).toEqual([]);
    await page.close();
  });
});
