#!/usr/bin/env bash
# A single-node SLURM cluster on this machine, for the tests of `sweep run --launcher slurm`.
#   scripts/local-slurm.sh start    install slurmctld, slurmd, slurm-client and munge when missing
#                                   (apt-get, sudo when not root), start munged, slurmctld and
#                                   slurmd without systemd, wait until the node is idle, print
#                                   `export SLURM_CONF=...`
#   scripts/local-slurm.sh stop     stop the daemons by their pid files
#   scripts/local-slurm.sh status   say whether the cluster answers (exit 0) or not (exit 1)
# Config, state, pid files and logs live under one folder: $SWEEP_SLURM_DIR, default /tmp/sweep-slurm.
# Ports: $SWEEP_SLURM_PORT (slurmctld, default 6817) and the next one (slurmd).
set -euo pipefail

dir="${SWEEP_SLURM_DIR:-/tmp/sweep-slurm}"
port="${SWEEP_SLURM_PORT:-6817}"
conf="$dir/slurm.conf"
socket="$dir/munge/munge.socket"
host="$(hostname -s)"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# Prints a message on stderr and exits 1.
die() {
    echo "local-slurm: $*" >&2
    exit 1
}

# True when PID is a live process (a zombie waiting to be reaped does not count).
alive() {
    local pid="$1" state
    [ -n "$pid" ] && [ -r "/proc/$pid/status" ] || return 1
    state="$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" || return 1
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# The pid recorded in FILE, or nothing.
pid_of() {
    [ -s "$1" ] && tr -dc '0-9' < "$1" || true
}

# Installs the Debian packages when a program is missing.
install_packages() {
    local need=0 p
    for p in slurmctld slurmd sbatch squeue scontrol munged munge; do
        command -v "$p" >/dev/null 2>&1 || need=1
    done
    [ "$need" = 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 || die "slurmctld/slurmd/munge are missing and there is no apt-get to install them"
    echo "local-slurm: installing slurmctld slurmd slurm-client munge" >&2
    local pkgs=(slurmctld slurmd slurm-client munge)
    if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2; then
        $SUDO apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2
    fi
}

# True when the controller answers and the node is idle (or busy with jobs).
ready() {
    # Without the file, SLURM's tools retry for a minute before they give up.
    [ -f "$conf" ] || return 1
    SLURM_CONF="$conf" scontrol ping 2>/dev/null | grep -q 'is UP' || return 1
    local state
    state="$(SLURM_CONF="$conf" sinfo -h -n "$host" -o %T 2>/dev/null | head -n1)"
    case "$state" in idle | mixed | allocated) return 0 ;; *) return 1 ;; esac
}

# Waits up to SECONDS for CONDITION (a function name) to hold.
wait_for() {
    local seconds="$1" what="$2" i
    for ((i = 0; i < seconds * 10; i++)); do
        "$what" && return 0
        sleep 0.1
    done
    return 1
}

munge_ready() {
    munge -S "$socket" -n 2>/dev/null | unmunge -S "$socket" >/dev/null 2>&1
}

write_config() {
    local cpus mem
    cpus="$(nproc)"
    mem="$(slurmd -C 2>/dev/null | tr ' ' '\n' | sed -n 's/^RealMemory=//p' | head -n1)"
    [ -n "$mem" ] || mem=1024
    mem=$((mem * 9 / 10))
    cat > "$conf.tmp" <<EOF
# Written by scripts/local-slurm.sh: one node on loopback, everything under $dir.
ClusterName=sweeplocal
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/jobcomp.txt
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=3600
KillWait=5
MailProg=/bin/true
MpiDefault=none
SwitchType=switch/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:8
EOF
    mv "$conf.tmp" "$conf"
}

start() {
    install_packages
    if ready; then
        echo "export SLURM_CONF=$conf"
        return 0
    fi
    stop_daemons
    mkdir -p "$dir"/{state,spool,run,log,munge}
    chmod 755 "$dir" "$dir/munge"
    if [ ! -s "$dir/munge/munge.key" ]; then
        head -c 1024 /dev/urandom > "$dir/munge/munge.key.tmp"
        chmod 400 "$dir/munge/munge.key.tmp"
        mv "$dir/munge/munge.key.tmp" "$dir/munge/munge.key"
    fi
    write_config
    rm -f "$socket" "$socket.lock"
    $SUDO munged --key-file="$dir/munge/munge.key" --socket="$socket" \
        --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" \
        --seed-file="$dir/munge/munge.seed" \
        || die "munged did not start (see $dir/log/munged.log)"
    wait_for 10 munge_ready || die "munge does not answer on $socket (see $dir/log/munged.log)"
    $SUDO env SLURM_CONF="$conf" slurmctld -f "$conf" || die "slurmctld did not start (see $dir/log/slurmctld.log)"
    $SUDO env SLURM_CONF="$conf" slurmd -f "$conf" -N "$host" || die "slurmd did not start (see $dir/log/slurmd.log)"
    if ! wait_for 30 ready; then
        tail -n 5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
        die "the cluster did not become ready within 30 s (logs under $dir/log)"
    fi
    echo "export SLURM_CONF=$conf"
}

# Stops every daemon whose pid file names a live process; removes stale pid files.
stop_daemons() {
    local name file pid i
    for name in slurmd slurmctld munged; do
        file="$dir/run/$name.pid"
        pid="$(pid_of "$file")"
        if alive "$pid" && grep -q "$name" "/proc/$pid/comm" 2>/dev/null; then
            $SUDO kill -TERM "$pid" 2>/dev/null || true
            for ((i = 0; i < 100; i++)); do
                alive "$pid" || break
                sleep 0.1
            done
            if alive "$pid"; then
                $SUDO kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
        rm -f "$file"
    done
}

stop() {
    [ -d "$dir" ] || return 0
    stop_daemons
    echo "local-slurm: stopped"
}

status() {
    if ready; then
        echo "local-slurm: up (export SLURM_CONF=$conf)"
    else
        echo "local-slurm: down"
        return 1
    fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
