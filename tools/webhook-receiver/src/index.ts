export * from './webhook-receiver';
export * from './channel-answers';
