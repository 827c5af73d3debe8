import { renderHtmlReport } from '../../src/report/html-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { referenceRows } from '../../src/report/report-input.js';
import { around, resultsWith, scenarioWith } from '../helpers/results-builder.js';

/** A stream scenario measured at 8 Gbit/s between pods and 10 Gbit/s between host-network pods. */
function withReference() {
  const pods = scenarioWith('tcp_stream_1', around('throughput_gbps', 8));
  const host = scenarioWith('tcp_stream_1', around('throughput_gbps', 10));
  return resultsWith([{ ...pods, reference: { samples: host.samples, aggregates: host.aggregates } }]);
}

describe('the node-to-node reference', () => {
  it('is a row per scenario with the pod/host ratio of the headline metric', () => {
    expect(referenceRows(withReference())).toEqual([
      ['tcp_stream_1', 'throughput_gbps (Gbit/s)', '8', '10', '0.80 (-20.0%)'],
    ]);
  });

  it('appears in the markdown and as a third bar in the HTML charts', () => {
    const input = { current: withReference(), verdict: 'no-baseline' as const, reproduce: [] };
    expect(renderMarkdownReport(input)).toContain('### Node-to-node reference (host network)');
    const html = renderHtmlReport(input);
    expect(html).toContain('Node-to-node reference (host network)');
    expect(html).toContain('node-to-node');
  });

  it('is left out when no scenario has one', () => {
    const input = {
      current: resultsWith([scenarioWith('tcp_stream_1', around('throughput_gbps', 8))]),
      verdict: 'no-baseline' as const,
      reproduce: [],
    };
    expect(referenceRows(input.current)).toEqual([]);
    expect(renderMarkdownReport(input)).not.toContain('Node-to-node');
  });
});
