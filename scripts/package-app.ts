import path from 'node:path';
import { buildAppPackage } from './app-package';
import { PackagingError } from './manifest-checks';

/**
 * Builds the Teams app package: appPackage/build/flokk-<env>.zip.
 * Run from the repository root:
 *
 *   npm run package                  # env/.env.local
 *   npm run package -- env/.env.dev  # another environment
 *
 * Every `${{NAME}}` in manifest/*.json is filled from the env file, the result is validated against
 * the official schema and the Teams rules, and nothing is written unless all of it passes.
 */
async function main(): Promise<void> {
  const root = process.cwd();
  const envFile = path.resolve(root, process.argv[2] ?? 'env/.env.local');
  const built = await buildAppPackage({
    manifestDir: path.join(root, 'manifest'),
    envFile,
    outDir: path.join(root, 'appPackage/build'),
  });
  console.log(`wrote ${path.relative(root, built.zipPath)} (${built.env}): ${built.entries.join(', ')}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof PackagingError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
