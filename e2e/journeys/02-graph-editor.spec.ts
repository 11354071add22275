import { expect, test } from '../support/fixtures.js';
import { connectNodes, createDraft, expectSynced, ruleNode } from '../support/studio-pages.js';

test('a planner builds a 满减 rule graph by dragging nodes onto the canvas and wiring them, and sees the tiers previewed', async ({ page, signIn, serverCampaign }) => {
  await signIn(page);
  const id = await createDraft(page, 'threshold_off');
  await page.getByTestId('campaign-name').fill('E2E 画布满减');
  const canvas = page.getByTestId('graph-canvas');

  // Start from scratch: drop the template's offer so only the start node is left.
  await ruleNode(page, 'offer').click();
  await page.getByTestId('delete-node').click();
  await expect(page.getByTestId('rule-node')).toHaveCount(1);
  await expect(page.getByTestId('problems-panel')).not.toHaveAttribute('data-count', '0');

  await page.getByTestId('palette-cart_subtotal').dragTo(canvas, { targetPosition: { x: 250, y: 150 } });
  await expect(ruleNode(page, 'cart_subtotal')).toBeVisible();
  await page.getByTestId('palette-offer').dragTo(canvas, { targetPosition: { x: 380, y: 380 } });
  await expect(ruleNode(page, 'offer')).toBeVisible();
  await expect(page.getByTestId('rule-node')).toHaveCount(3);

  await connectNodes(page, 'start', 'cart_subtotal');
  await connectNodes(page, 'cart_subtotal', 'offer');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await ruleNode(page, 'cart_subtotal').click();
  await expect(page.getByTestId('node-inspector')).toBeVisible();
  await page.getByTestId('arg-minSpend').fill('50');

  await ruleNode(page, 'offer').click();
  await page.getByTestId('arg-offer.tiers-0-minSpend').fill('100');
  await page.getByTestId('arg-offer.tiers-0-off').fill('15');
  await page.getByTestId('arg-offer.tiers-1-minSpend').fill('300');
  await page.getByTestId('arg-offer.tiers-1-off').fill('50');
  await expect(page.getByTestId('node-inspector').getByTestId('offer-preview')).toHaveText('满100减15, 满300减50');
  await expect(ruleNode(page, 'offer')).toContainText('满100减15, 满300减50');
  await expect(page.getByTestId('problems-panel')).toHaveAttribute('data-count', '0');
  await expect(page.locator('[data-testid="rule-node"][data-invalid="true"]')).toHaveCount(0);
  await page.screenshot({ path: '../docs/screenshots/graph-editor.png' });

  // What the planner drew is what the server stores once the studio has synced.
  await expect
    .poll(async () => {
      const graph = (await serverCampaign(id))?.graph;
      if (!graph) return null;
      const typeOf = new Map(graph.nodes.map((n) => [n.id, n.type]));
      return {
        edges: graph.edges.map((e) => `${typeOf.get(e.source)}->${typeOf.get(e.target)}`).sort(),
        minSpend: graph.nodes.find((n) => n.type === 'cart_subtotal')?.args.minSpend,
        offer: graph.nodes.find((n) => n.type === 'offer')?.args.offer,
      };
    }, { timeout: 20_000 })
    .toEqual({
      edges: ['cart_subtotal->offer', 'start->cart_subtotal'],
      minSpend: 5_000,
      offer: { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 10_000, off: 1_500 }, { minSpend: 30_000, off: 5_000 }] },
    });
  await expectSynced(page);
});
