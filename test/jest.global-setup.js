// Child processes in int and e2e tests run the compiled code, so build it once per jest run.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  if (process.env.DNSCC_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.js')], { stdio: 'inherit' });
};
