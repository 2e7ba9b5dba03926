/* ovs_pkt.c - one-line summary of the Ethernet frame inside
 * OVS_PACKET_ATTR_PACKET (upcalls and executes), tcpdump-like:
 * "IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 2".
 * Every read goes through struct nlc; a short header ends the summary
 * with "[|proto]". */
#include <stdio.h>
#include <string.h>

#include "ovs_common.h"

/* An IPv4 or IPv6 address as text, for the "a > b" of the summary. */
#define ADDR_TEXT 48
static void addr_text(char out[ADDR_TEXT], const uint8_t *p, bool v6)
{
	struct sbuf t = { 0 };

	if (v6)
		sbuf_ipv6(&t, p);
	else
		sbuf_ipv4(&t, p);
	snprintf(out, ADDR_TEXT, "%s", t.p ? t.p : "");
	sbuf_free(&t);
}

static void tcp_flags(struct sbuf *b, uint8_t f)
{
	/* FIN SYN RST PSH ACK URG ECE CWR, as tcpdump letters them */
	static const char letters[] = "FSRP.UEW";
	sbuf_puts(b, "Flags [");
	for (int i = 0; i < 8; i++)
		if (f & (1u << i))
			sbuf_putc(b, letters[i]);
	if (!f)
		sbuf_puts(b, "none");
	sbuf_putc(b, ']');
}

/* transport after an IP header; src/dst already formatted in a, z */
static void l4(struct sbuf *b, struct nlc *c, unsigned proto, bool v6,
	       const char *a, const char *z, size_t plen)
{
	if (proto == 6 || proto == 17 || proto == 132) {
		uint16_t sp = nlc_be16(c), dp = nlc_be16(c);
		if (!nlc_ok(c)) {
			sbuf_printf(b, "%s > %s: [|%s]", a, z,
				    proto == 6 ? "tcp" : proto == 17 ? "udp" : "sctp");
			return;
		}
		sbuf_printf(b, "%s.%u > %s.%u: ", a, sp, z, dp);
		if (proto == 6) {
			uint32_t seq = nlc_be32(c);
			nlc_skip(c, 4);
			uint8_t off = nlc_u8(c);
			uint8_t fl = nlc_u8(c);
			if (!nlc_ok(c)) {
				sbuf_puts(b, "[|tcp]");
				return;
			}
			tcp_flags(b, fl);
			sbuf_printf(b, ", seq %u, length %zu", seq,
				    plen >= (size_t)(off >> 4) * 4 ? plen - (size_t)(off >> 4) * 4 : 0);
		} else if (proto == 17) {
			sbuf_printf(b, "UDP, length %zu", plen >= 8 ? plen - 8 : 0);
		} else {
			sbuf_puts(b, "SCTP");
		}
		return;
	}
	sbuf_printf(b, "%s > %s: ", a, z);
	if ((proto == 1 && !v6) || (proto == 58 && v6)) {
		uint8_t type = nlc_u8(c), code = nlc_u8(c);
		nlc_skip(c, 2);
		if (!nlc_ok(c)) {
			sbuf_puts(b, v6 ? "[|icmp6]" : "[|icmp]");
			return;
		}
		if (!v6) {
			static const char *const t4[] = {
				[0] = "echo reply", [3] = "destination unreachable",
				[5] = "redirect", [8] = "echo request", [11] = "time exceeded",
			};
			const char *nm = type < ARRAY_SIZE(t4) ? t4[type] : NULL;
			if (nm)
				sbuf_printf(b, "ICMP %s", nm);
			else
				sbuf_printf(b, "ICMP type %u code %u", type, code);
			if (type == 0 || type == 8) {
				uint16_t id = nlc_be16(c), sq = nlc_be16(c);
				if (nlc_ok(c))
					sbuf_printf(b, ", id %u, seq %u", id, sq);
			}
			sbuf_printf(b, ", length %zu", plen);
			return;
		}
		static const char *const t6[] = {
			[1] = "destination unreachable", [3] = "time exceeded",
			[128] = "echo request", [129] = "echo reply",
			[133] = "router solicitation", [134] = "router advertisement",
			[135] = "neighbor solicitation", [136] = "neighbor advertisement",
			[143] = "multicast listener report v2",
		};
		const char *nm = type < ARRAY_SIZE(t6) ? t6[type] : NULL;
		if (nm)
			sbuf_printf(b, "ICMP6, %s", nm);
		else
			sbuf_printf(b, "ICMP6, type %u code %u", type, code);
		if (type == 135 || type == 136) {
			/* RFC 4861 4.3/4.4: after the checksum a 32-bit word
			 * (reserved; R/S/O flags), then the target address */
			nlc_skip(c, 4);
			const uint8_t *t = nlc_bytes(c, 16);
			if (!t) {
				sbuf_puts(b, " [|icmp6]");
				return;
			}
			sbuf_puts(b, type == 135 ? ", who has " : ", tgt is ");
			sbuf_ipv6(b, t);
		} else if (type == 128 || type == 129) {
			uint16_t id = nlc_be16(c), sq = nlc_be16(c);
			if (nlc_ok(c))
				sbuf_printf(b, ", id %u, seq %u", id, sq);
		}
		sbuf_printf(b, ", length %zu", plen);
		return;
	}
	sbuf_printf(b, "ip-proto-%u, length %zu", proto, plen);
}

void ovs_packet_summary(struct sbuf *b, const struct nlc *frame)
{
	struct nlc c = *frame;
	size_t total = nlc_left(&c);
	const uint8_t *dst = nlc_bytes(&c, 6), *src = nlc_bytes(&c, 6);
	uint16_t et = nlc_be16(&c);
	char a[ADDR_TEXT], z[ADDR_TEXT];

	if (!nlc_ok(&c) || !dst || !src) {
		sbuf_printf(b, "[|ether] length %zu", total);
		return;
	}
	while (et == 0x8100 || et == 0x88a8) {
		uint16_t tci = nlc_be16(&c);
		uint16_t inner = nlc_be16(&c);
		if (!nlc_ok(&c)) {
			sbuf_puts(b, "[|vlan]");
			return;
		}
		sbuf_printf(b, "vlan %u, p %u, ", tci & 0xfff, tci >> 13);
		et = inner;
	}
	if (et == 0x0806) {
		/* RFC 826: hrd(2) pro(2) hln(1) pln(1) op(2), then sender and
		 * target hardware/protocol addresses of hln/pln bytes; the text
		 * below is for Ethernet/IPv4 (6/4), as tcpdump's; its length is
		 * that of the ARP packet (what follows the link-layer header) */
		size_t alen = nlc_left(&c);
		nlc_skip(&c, 2);
		uint16_t pro = nlc_be16(&c);
		uint8_t hln = nlc_u8(&c), pln = nlc_u8(&c);
		uint16_t op = nlc_be16(&c);
		if (!nlc_ok(&c)) {
			sbuf_puts(b, "ARP [|arp]");
			return;
		}
		if (pro != 0x0800 || hln != 6 || pln != 4) {
			sbuf_printf(b, "ARP, proto 0x%04x, hlen %u, plen %u, op %u, length %zu",
				    pro, hln, pln, op, alen);
			return;
		}
		const uint8_t *sha = nlc_bytes(&c, 6), *spa = nlc_bytes(&c, 4);
		nlc_skip(&c, 6);
		const uint8_t *tpa = nlc_bytes(&c, 4);
		if (!nlc_ok(&c) || !sha || !spa || !tpa) {
			sbuf_puts(b, "ARP [|arp]");
			return;
		}
		sbuf_puts(b, "ARP, ");
		if (op == 1) {
			sbuf_puts(b, "Request who-has ");
			sbuf_ipv4(b, tpa);
			sbuf_puts(b, " tell ");
			sbuf_ipv4(b, spa);
		} else if (op == 2) {
			sbuf_puts(b, "Reply ");
			sbuf_ipv4(b, spa);
			sbuf_puts(b, " is-at ");
			sbuf_lladdr(b, sha, 6);
		} else {
			sbuf_printf(b, "op %u", op);
		}
		sbuf_printf(b, ", length %zu", alen);
		return;
	}
	if (et == 0x0800) {
		uint8_t vihl = nlc_u8(&c);
		nlc_skip(&c, 1);
		uint16_t tlen = nlc_be16(&c);
		nlc_skip(&c, 2);
		uint16_t frag = nlc_be16(&c);
		nlc_skip(&c, 1);
		uint8_t proto = nlc_u8(&c);
		nlc_skip(&c, 2);
		const uint8_t *s = nlc_bytes(&c, 4), *d = nlc_bytes(&c, 4);
		size_t ihl = (size_t)(vihl & 15) * 4;
		if (!nlc_ok(&c) || !s || !d || ihl < 20) {
			sbuf_puts(b, "IP [|ip]");
			return;
		}
		nlc_skip(&c, ihl - 20);
		addr_text(a, s, false);
		addr_text(z, d, false);
		sbuf_puts(b, "IP ");
		if (frag & 0x1fff) {
			sbuf_printf(b, "%s > %s: ip-proto-%u fragment", a, z, proto);
			return;
		}
		l4(b, &c, proto, false, a, z, tlen > ihl ? tlen - ihl : 0);
		return;
	}
	if (et == 0x86dd) {
		nlc_skip(&c, 4);
		uint16_t plen = nlc_be16(&c);
		uint8_t nh = nlc_u8(&c);
		nlc_skip(&c, 1);
		const uint8_t *s = nlc_bytes(&c, 16), *d = nlc_bytes(&c, 16);
		if (!nlc_ok(&c) || !s || !d) {
			sbuf_puts(b, "IP6 [|ip6]");
			return;
		}
		size_t left = plen;
		/* hop-by-hop, routing, destination options */
		for (int i = 0; i < 8 && (nh == 0 || nh == 43 || nh == 60); i++) {
			uint8_t next = nlc_u8(&c), hl = nlc_u8(&c);
			size_t len = ((size_t)hl + 1) * 8;
			nlc_skip(&c, len - 2);
			if (!nlc_ok(&c))
				break;
			left = left > len ? left - len : 0;
			nh = next;
		}
		addr_text(a, s, true);
		addr_text(z, d, true);
		sbuf_puts(b, "IP6 ");
		if (nh == 44) {
			sbuf_printf(b, "%s > %s: frag", a, z);
			return;
		}
		l4(b, &c, nh, true, a, z, left);
		return;
	}
	sbuf_printf(b, "ethertype 0x%04x, length %zu", et, total);
}
