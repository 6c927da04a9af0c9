import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files share one seeded portal, and the login test resets demouser's password (its
 * forgotten-password flow needs a real account's mail): it runs last, so that the files that log
 * in as demouser (accessibility, screening) do so with the demo password whatever the file sizes
 * and timings by which vitest orders the rest.
 */
export class LoginTestLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (file: TestSpecification) => file.moduleId.endsWith('/tests/login.test.ts');
    return [...sorted.filter((file) => !last(file)), ...sorted.filter(last)];
  }
}
