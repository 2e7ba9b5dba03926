/* live.h - live input: netlink monitor sockets (no nlmon needed), libpcap
 * on an nlmon interface, a temporary nlmon interface, and the running
 * kernel's generic netlink family list. */
#ifndef NLDUMP_LIVE_H
#define NLDUMP_LIVE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "state.h"

/* Set by SIGINT/SIGTERM/SIGHUP (after live_signals()). */
extern volatile sig_atomic_t live_stop;
/* Set by SIGUSR1: print the running totals (the loop calls idle at once
 * when the signal comes while nothing is read). */
extern volatile sig_atomic_t live_report;
void live_signals(void);

/* Every frame read live: f is the netlink payload (as the core wants it),
 * pkt/pktcap/pktlen the whole packet with its link-layer header (what -w
 * writes).  bad: why the packet is not a netlink frame, or NULL.  Return
 * false to stop. */
typedef bool (*live_cb)(void *arg, const struct nl_frame *f, const uint8_t *pkt,
			uint32_t pktcap, uint32_t pktlen, const char *bad);

/* Ask the running kernel's nlctrl for every family (a GETFAMILY dump) and
 * learn the replies (source GENL_SRC_KERNEL).  Returns families known, -1
 * with err set. */
int live_genl_load(struct nlstate *st, char *err, size_t errlen);

struct live;

/* live_monitor_open - netlink sockets joined to the groups of spec (NULL:
 * every rtnetlink group and every group of every generic netlink family).
 * rcvbuf in bytes (0: default). */
struct live *live_monitor_open(const char *spec, struct nlstate *st, int rcvbuf,
			       uint32_t snaplen, char *err, size_t errlen);
/* live_pcap_open - libpcap on an nlmon interface. bufsize in bytes (0:
 * libpcap's default). */
struct live *live_pcap_open(const char *iface, struct nlstate *st, int bufsize,
			    uint32_t snaplen, char *err, size_t errlen);
/* live_pcap_filter - attach a capture filter's program (filter_bpf.h) to
 * an -i capture.  False with err set when libpcap or the kernel refuses it
 * (the capture then goes on unfiltered). */
struct bpf_program;
bool live_pcap_filter(struct live *l, struct bpf_program *prog, char *err, size_t errlen);
/* The link type of what live_loop delivers in pkt (253). */
int live_linktype(const struct live *l);
/* What the groups joined are, one line for standard error. */
const char *live_describe(const struct live *l);
/* Called once input has gone quiet after frames came (nothing more to read
 * for a short while, LIVE_IDLE_MS): the moment to print what is held back.
 * Return false to stop. */
typedef bool (*live_idle_cb)(void *arg);
#define LIVE_IDLE_MS 100
/* Read until live_stop, cb or idle (may be NULL) returns false, or an error
 * (-1, err set). */
int live_loop(struct live *l, live_cb cb, live_idle_cb idle, void *arg, char *err,
	      size_t errlen);
/* The end-of-run line ("N packets received, M dropped ..."), no newline. */
void live_summary(struct live *l, char *buf, size_t n);
/* Packets the kernel handed over and those it dropped: libpcap's counts
 * with -i; datagrams and overrun events with --monitor. */
void live_counts(struct live *l, uint64_t *recv, uint64_t *drop);
void live_close(struct live *l);

/* A temporary nlmon interface through rtnetlink: created and set up, name
 * in name (IFNAMSIZ). */
bool live_nlmon_create(char *name, size_t n, char *err, size_t errlen);
bool live_nlmon_delete(const char *name, char *err, size_t errlen);

/* Drop root for user (setgroups, setgid, setuid). */
bool live_drop_privs(const char *user, char *err, size_t errlen);

/* -D: print the nlmon interfaces (an RTM_GETLINK dump), numbered from 1, as
 * tcpdump -D does ("1.nlmon0 [Up, Running]").  Returns how many, or -1
 * (err set). */
int live_list_nlmon(FILE *out, char *err, size_t errlen);

#endif
