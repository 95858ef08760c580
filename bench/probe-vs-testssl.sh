#!/usr/bin/env bash
# Benchmark (not a test): the whole command-line probe of one loopback Postfix listener, JVM start included, against
# testssl.sh -p on the same listener in the same run. Prints each run, the medians and the median ratio; the target
# for issue 4 is at most 0.3x.
#
#   sudo bench/probe-vs-testssl.sh            # 5 runs each (RUNS=9 bench/probe-vs-testssl.sh for more)
#
# Needs root (for a private Postfix instance), the Debian packages postfix, testssl.sh and openssl, and
# target/tlsdoctor.jar (built with ./mvnw -q package -DskipTests when missing). Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}

need() { command -v "$1" >/dev/null 2>&1 || { echo "Missing $1: apt-get install $2" >&2; exit 2; }; }
need /usr/sbin/postfix postfix
need testssl testssl.sh
need openssl openssl
[ "$(id -u)" = 0 ] || { echo "Run as root: Postfix's master process must start as root." >&2; exit 2; }
[ -f target/tlsdoctor.jar ] || ./mvnw -q -B package -DskipTests

dir=$(mktemp -d /tmp/tlsdoctor-bench.XXXXXX)
chmod 755 "$dir"
mkdir -p "$dir/conf" "$dir/queue" "$dir/data"
chown postfix "$dir/data"
stop() {
  postfix -c "$dir/conf" stop >/dev/null 2>&1 || true
  if [ -f "$dir/queue/pid/master.pid" ]; then
    pid=$(tr -d ' ' < "$dir/queue/pid/master.pid")
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap stop EXIT

# a free loopback port: nothing answers there yet
port=24000
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$dir/conf/key.pem" -out "$dir/conf/cert.pem" \
  -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 2>/dev/null
cat > "$dir/conf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = loopback-only
inet_protocols = ipv4
myhostname = bench.test
mydestination =
smtpd_tls_cert_file = $dir/conf/cert.pem
smtpd_tls_key_file = $dir/conf/key.pem
smtpd_tls_security_level = may
CF
cat > "$dir/conf/master.cf" <<CF
127.0.0.1:$port inet n - n - - smtpd -o smtpd_tls_protocols=>=TLSv1.2 -o smtpd_tls_mandatory_protocols=>=TLSv1.2
tlsmgr unix - - n 1000? 1 tlsmgr
rewrite unix - - n - - trivial-rewrite
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
proxymap unix - - n - - proxymap
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
flush unix n - n 1000? 0 flush
postlog unix-dgram n - n - 1 postlogd
CF
postfix -c "$dir/conf" check
postfix -c "$dir/conf" start >/dev/null 2>&1
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done

now() { date +%s.%N; }
ours=() theirs=()
echo "Postfix listener 127.0.0.1:$port (TLS 1.2 and newer); $RUNS runs each, alternating"
for i in $(seq "$RUNS"); do
  t0=$(now); java -jar target/tlsdoctor.jar probe --host 127.0.0.1 --port "$port" --json > "$dir/probe.json"; t1=$(now)
  testssl -p -t smtp --color 0 --warnings batch "127.0.0.1:$port" > "$dir/testssl.txt" 2>&1; t2=$(now)
  a=$(awk -v x="$t0" -v y="$t1" 'BEGIN {print y - x}'); b=$(awk -v x="$t1" -v y="$t2" 'BEGIN {print y - x}')
  ours+=("$a"); theirs+=("$b")
  printf 'run %d: tlsdoctor probe %.2f s   testssl.sh -p %.2f s\n' "$i" "$a" "$b"
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
m_ours=$(median "${ours[@]}"); m_theirs=$(median "${theirs[@]}")
echo
echo "Protocols as each tool saw them (last run):"
awk '/"TLSv1(\.[0-3])?" : \{/ {gsub(/[" :{]/, ""); v=$0} /"result"/ && v != "" {gsub(/[",]/, ""); printf "  tlsdoctor: %s %s\n", v, $3; v=""}' "$dir/probe.json"
grep -E '^ (TLS 1(\.[0-3])?) ' "$dir/testssl.txt" | sed 's/^/  testssl.sh:/' || true
echo
printf 'median tlsdoctor probe: %.2f s\n' "$m_ours"
printf 'median testssl.sh -p:   %.2f s\n' "$m_theirs"
printf 'median ratio:           %.2fx (target <= 0.30x)\n' "$(awk -v a="$m_ours" -v b="$m_theirs" 'BEGIN {print a / b}')"
