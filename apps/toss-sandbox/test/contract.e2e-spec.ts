import { TossClient } from '@roastery/toss';
import { defineContractSuite } from './support/contract-suite';
import { startTestSandbox, type TestSandbox } from './support/sandbox-harness';

// The same contract, run against the sandbox and (when configured) Toss's real test environment.

describe('contract: sandbox', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    // The 1-second cancel burst rule is covered on its own; here cancels follow each other at once.
    sandbox = await startTestSandbox({ settings: { cancelBurstWindowMs: 0 } });
  });
  afterAll(() => sandbox.close());

  defineContractSuite(() => ({
    client: (options) => sandbox.client(options),
    billingKey: async () => {
      const billing = await sandbox.billingKey();
      return { billingKey: billing.billingKey, customerKey: billing.customerKey };
    },
    cancelSpacing: async () => undefined,
  }));
});

const apiUrl = process.env['TOSS_API_URL'];
const secretKey = process.env['TOSS_SECRET_KEY'];

if (apiUrl && secretKey) {
  describe('contract: Toss test environment', () => {
    defineContractSuite(() => ({
      client: (options) => new TossClient({ secretKey, baseUrl: apiUrl, ...options }),
      billingKey: async () => {
        const billingKey = process.env['TOSS_TEST_BILLING_KEY'];
        const customerKey = process.env['TOSS_TEST_CUSTOMER_KEY'];
        return billingKey && customerKey ? { billingKey, customerKey } : undefined;
      },
      cancelSpacing: () => new Promise((resolve) => setTimeout(resolve, 1_100)),
    }));
  });
} else {
  process.stdout.write('contract: Toss test environment skipped (set TOSS_API_URL and TOSS_SECRET_KEY to run it)\n');
}
