export * from './sendgrid-mock';
