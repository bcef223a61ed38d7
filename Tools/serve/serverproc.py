"""Starts `gxconvert serve` on a free loopback port for the Python-side tests, and stops it with
SIGTERM (the graceful path), checking it exits 0."""
import os
import re
import signal
import subprocess
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
BINARY = os.environ.get('GXCONVERT', os.path.join(ROOT, '.build', 'debug', 'gxconvert'))
ARTIFACTS = os.environ.get('GX_ARTIFACTS', os.path.join(ROOT, '.build', 'test-artifacts'))


class Server:
    def __init__(self, *args):
        self.proc = subprocess.Popen([BINARY, 'serve', '--port', '0', *args], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True, cwd=ROOT)
        deadline = time.time() + 30
        line = ''
        while time.time() < deadline:
            line = self.proc.stderr.readline()
            m = re.search(r'listening on http://127\.0\.0\.1:(\d+)/', line)
            if m:
                self.port = int(m.group(1))
                self.url = 'http://127.0.0.1:%d' % self.port
                return
            if self.proc.poll() is not None:
                break
        self.proc.kill()
        raise RuntimeError('gxconvert serve did not start: %r' % line)

    def rss_kb(self):
        with open('/proc/%d/status' % self.proc.pid) as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1])
        return 0

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            status = self.proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise RuntimeError('gxconvert serve did not stop within 40 s of SIGTERM')
        rest = self.proc.stderr.read()
        if status != 0 or 'stopped' not in rest:
            # Keep the whole stderr (a crash report runs to many KB of registers and images) and
            # show the lines that say what went wrong, not only its tail.
            os.makedirs(ARTIFACTS, exist_ok=True)
            path = os.path.join(ARTIFACTS, 'serve-stderr-%d.log' % self.proc.pid)
            with open(path, 'w') as f:
                f.write(rest)
            why = [l for l in rest.splitlines() if re.search(r'Fatal error|[Cc]rash|[Aa]ssertion|[Pp]recondition|error:|at /', l)]
            raise RuntimeError('gxconvert serve exited %d after SIGTERM (stderr kept in %s):\n%s\n...\n%s'
                               % (status, path, '\n'.join(why[:40]), rest[-1500:]))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.stop()
        elif self.proc.stderr and not self.proc.stderr.closed:
            self.proc.stderr.close()


def fixture(*parts):
    return os.path.join(ROOT, 'Fixtures', *parts)
