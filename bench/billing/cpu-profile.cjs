// Preloaded into the services by `BENCH_CPU_PROFILE=<dir> npm run bench:billing` (through NODE_OPTIONS,
// which refuses --cpu-prof): profiles the whole process and writes <dir>/<service>-<pid>.cpuprofile at exit.
const dir = process.env.BENCH_CPU_PROFILE;
const m = /apps\/([a-z-]+)\/src\/main\.ts/.exec(process.argv.join(' '));
if (dir && m) {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.enable');
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (err, result) => {
      if (!err) fs.writeFileSync(`${dir}/${m[1]}-${process.pid}.cpuprofile`, JSON.stringify(result.profile));
    });
  };
  process.on('exit', write);
  process.prependListener('SIGTERM', () => {
    write();
    // Alone, this listener would keep the process alive where SIGTERM used to end it.
    if (process.listenerCount('SIGTERM') === 1) process.exit(0);
  });
}
