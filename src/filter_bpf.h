/* filter_bpf.h - the capture filter: the part of a display filter about
 * the netlink protocol, the message type, the generic netlink family and
 * the direction, compiled to a classic BPF program over an nlmon frame
 * (link type NETLINK: the 16-byte cooked header, then the first nlmsghdr),
 * for libpcap to attach to -i/--nlmon; -d prints it.
 *
 * The program keeps a superset of the frames the display filter keeps (a
 * test it cannot say is "maybe"); user space still filters every message.
 * The man page (CAPTURE FILTER) says what is compiled and why a frame of
 * several messages is kept whenever its protocol may match.
 */
#ifndef NLDUMP_FILTER_BPF_H
#define NLDUMP_FILTER_BPF_H

#include <pcap/pcap.h>	/* struct bpf_program */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct nl_filter;
struct genl_map;

/* filter_bpf_compile - the program for f into *out (bf_insns malloc'd;
 * free with filter_bpf_free).  genl: the family ids known now (names of
 * genl.family; NULL: none known); big_endian: the byte order of the
 * nlmsghdr (the running kernel's); snaplen: what an accepted frame keeps.
 * False with err set when the program would be too long (the filter then
 * stays in user space). */
bool filter_bpf_compile(const struct nl_filter *f, const struct genl_map *genl,
			bool big_endian, uint32_t snaplen, struct bpf_program *out,
			char *err, size_t errlen);
void filter_bpf_free(struct bpf_program *p);
/* -d: one instruction a line, "(NNN) op operand [jt N jf N]". */
void filter_bpf_print(const struct bpf_program *p, FILE *out);

#endif
