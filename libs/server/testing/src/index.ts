export * from './bus-probe';
export * from './create-test-app';
export * from './http-client';
export * from './test-issuer';
export * from './test-names';
export * from './wait-for';
export * from './compose-check';
export * from './broker-control';
