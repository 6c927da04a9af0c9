export { createDemoSubsystem, type DemoSubsystemOptions } from './app.js';
export { demoSubsystemOptionsFromEnv } from './config.js';
