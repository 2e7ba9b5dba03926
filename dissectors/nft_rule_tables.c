/* nft_rule_tables.c - the names a rule's rendering needs: header fields
 * by protocol, offset and length (the layouts of RFC 791, 8200, 793, 768,
 * 792, 4443, 826, 4960, 4340, 4303, 4302, IEEE 802.3 and 802.1Q), meta and
 * ct keys (NFT_META_*, NFT_CT_*), TCP options, and the symbols of nft's
 * types (ethertypes, IP protocols, ICMP and ICMPv6 types and codes, ct
 * state and status bits, TCP flags, ARP operations, packet types).
 * Reference: include/uapi/linux/netfilter/nf_tables.h, Linux 7.2; nft(8).
 */
#include <string.h>

#include "nft_rule.h"

static const char *const proto_names[] = {
	[PR_ETHER] = "ether", [PR_VLAN] = "vlan", [PR_ARP] = "arp", [PR_IP] = "ip",
	[PR_IP6] = "ip6", [PR_TCP] = "tcp", [PR_UDP] = "udp", [PR_UDPLITE] = "udplite",
	[PR_SCTP] = "sctp", [PR_DCCP] = "dccp", [PR_ICMP] = "icmp", [PR_ICMP6] = "icmpv6",
	[PR_ESP] = "esp", [PR_AH] = "ah", [PR_COMP] = "comp", [PR_TH] = "th",
};

const char *nft_proto_name(unsigned proto)
{
	return proto < ARRAY_SIZE(proto_names) ? proto_names[proto] : NULL;
}

unsigned nft_l4_proto(int ipproto)
{
	switch (ipproto) {
	case 1: return PR_ICMP;
	case 6: return PR_TCP;
	case 17: return PR_UDP;
	case 33: return PR_DCCP;
	case 50: return PR_ESP;
	case 51: return PR_AH;
	case 58: return PR_ICMP6;
	case 108: return PR_COMP;
	case 132: return PR_SCTP;
	case 136: return PR_UDPLITE;
	default: return PR_TH;
	}
}

/* whole-byte fields only: a bit field (ip dscp, vlan id...) is loaded with
 * a mask nft reads back, which this table does not say (the rule falls
 * back) */
static const struct nft_pfield pfields[] = {
	{ PR_ETHER, 0, 6, "daddr", TY_ETHER },
	{ PR_ETHER, 6, 6, "saddr", TY_ETHER },
	{ PR_ETHER, 12, 2, "type", TY_ETHERTYPE },
	{ PR_VLAN, 16, 2, "type", TY_ETHERTYPE },
	{ PR_ARP, 0, 2, "htype", TY_INT },
	{ PR_ARP, 2, 2, "ptype", TY_ETHERTYPE },
	{ PR_ARP, 4, 1, "hlen", TY_INT },
	{ PR_ARP, 5, 1, "plen", TY_INT },
	{ PR_ARP, 6, 2, "operation", TY_ARPOP },
	{ PR_ARP, 8, 6, "saddr ether", TY_ETHER },
	{ PR_ARP, 14, 4, "saddr ip", TY_IPV4 },
	{ PR_ARP, 18, 6, "daddr ether", TY_ETHER },
	{ PR_ARP, 24, 4, "daddr ip", TY_IPV4 },
	{ PR_IP, 2, 2, "length", TY_INT },
	{ PR_IP, 4, 2, "id", TY_INT },
	{ PR_IP, 6, 2, "frag-off", TY_INT },
	{ PR_IP, 8, 1, "ttl", TY_INT },
	{ PR_IP, 9, 1, "protocol", TY_PROTO },
	{ PR_IP, 10, 2, "checksum", TY_INT },
	{ PR_IP, 12, 4, "saddr", TY_IPV4 },
	{ PR_IP, 16, 4, "daddr", TY_IPV4 },
	{ PR_IP6, 4, 2, "length", TY_INT },
	{ PR_IP6, 6, 1, "nexthdr", TY_PROTO },
	{ PR_IP6, 7, 1, "hoplimit", TY_INT },
	{ PR_IP6, 8, 16, "saddr", TY_IPV6 },
	{ PR_IP6, 24, 16, "daddr", TY_IPV6 },
	{ PR_TCP, 0, 2, "sport", TY_INT },
	{ PR_TCP, 2, 2, "dport", TY_INT },
	{ PR_TCP, 4, 4, "sequence", TY_INT },
	{ PR_TCP, 8, 4, "ackseq", TY_INT },
	{ PR_TCP, 13, 1, "flags", TY_TCPFLAGS },
	{ PR_TCP, 14, 2, "window", TY_INT },
	{ PR_TCP, 16, 2, "checksum", TY_INT },
	{ PR_TCP, 18, 2, "urgptr", TY_INT },
	{ PR_UDP, 0, 2, "sport", TY_INT },
	{ PR_UDP, 2, 2, "dport", TY_INT },
	{ PR_UDP, 4, 2, "length", TY_INT },
	{ PR_UDP, 6, 2, "checksum", TY_INT },
	{ PR_UDPLITE, 0, 2, "sport", TY_INT },
	{ PR_UDPLITE, 2, 2, "dport", TY_INT },
	{ PR_UDPLITE, 4, 2, "csumcov", TY_INT },
	{ PR_UDPLITE, 6, 2, "checksum", TY_INT },
	{ PR_SCTP, 0, 2, "sport", TY_INT },
	{ PR_SCTP, 2, 2, "dport", TY_INT },
	{ PR_SCTP, 4, 4, "vtag", TY_INT },
	{ PR_SCTP, 8, 4, "checksum", TY_INT },
	{ PR_DCCP, 0, 2, "sport", TY_INT },
	{ PR_DCCP, 2, 2, "dport", TY_INT },
	{ PR_ICMP, 0, 1, "type", TY_ICMP },
	{ PR_ICMP, 1, 1, "code", TY_ICMP_CODE },
	{ PR_ICMP, 2, 2, "checksum", TY_INT },
	{ PR_ICMP, 4, 2, "id", TY_INT },
	{ PR_ICMP, 6, 2, "sequence", TY_INT },
	{ PR_ICMP, 4, 4, "gateway", TY_INT },
	{ PR_ICMP6, 0, 1, "type", TY_ICMP6 },
	{ PR_ICMP6, 1, 1, "code", TY_ICMP6_CODE },
	{ PR_ICMP6, 2, 2, "checksum", TY_INT },
	{ PR_ICMP6, 4, 4, "mtu", TY_INT },
	{ PR_ICMP6, 4, 2, "id", TY_INT },
	{ PR_ICMP6, 6, 2, "sequence", TY_INT },
	{ PR_ESP, 0, 4, "spi", TY_INT },
	{ PR_ESP, 4, 4, "sequence", TY_INT },
	{ PR_AH, 0, 1, "nexthdr", TY_PROTO },
	{ PR_AH, 1, 1, "hdrlength", TY_INT },
	{ PR_AH, 2, 2, "reserved", TY_INT },
	{ PR_AH, 4, 4, "spi", TY_INT },
	{ PR_AH, 8, 4, "sequence", TY_INT },
	{ PR_COMP, 0, 1, "nexthdr", TY_PROTO },
	{ PR_COMP, 1, 1, "flags", TY_HEX },
	{ PR_COMP, 2, 2, "cpi", TY_INT },
	{ PR_TH, 0, 2, "sport", TY_INT },
	{ PR_TH, 2, 2, "dport", TY_INT },
};

const struct nft_pfield *nft_pfield(unsigned proto, unsigned off, unsigned len)
{
	for (size_t i = 0; i < ARRAY_SIZE(pfields); i++)
		if (pfields[i].proto == proto && pfields[i].off == off && pfields[i].len == len)
			return &pfields[i];
	return NULL;
}

/* NFT_META_*: by key */
static const struct nft_key meta_keys[] = {
	[0] = { "length", TY_INT, 4, true, false },
	[1] = { "protocol", TY_ETHERTYPE, 2, false, false },
	[2] = { "priority", TY_NONE, 4, true, false },
	[3] = { "mark", TY_MARK, 4, true, false },
	[4] = { "iif", TY_IFINDEX, 4, true, true },
	[5] = { "oif", TY_IFINDEX, 4, true, true },
	[6] = { "iifname", TY_IFNAME, 16, false, true },
	[7] = { "oifname", TY_IFNAME, 16, false, true },
	[8] = { "iiftype", TY_ARPHRD, 2, true, false },
	[9] = { "oiftype", TY_ARPHRD, 2, true, false },
	[10] = { "skuid", TY_INT, 4, true, false },
	[11] = { "skgid", TY_INT, 4, true, false },
	[12] = { "nftrace", TY_INT, 1, true, false },
	[13] = { "rtclassid", TY_INT, 4, true, false },
	[14] = { "secmark", TY_INT, 4, true, false },
	[15] = { "nfproto", TY_NFPROTO, 1, true, false },
	[16] = { "l4proto", TY_PROTO, 1, true, false },
	[17] = { "ibrname", TY_IFNAME, 16, false, false },
	[18] = { "obrname", TY_IFNAME, 16, false, false },
	[19] = { "pkttype", TY_PKTTYPE, 1, true, false },
	[20] = { "cpu", TY_INT, 4, true, false },
	[21] = { "iifgroup", TY_INT, 4, true, true },
	[22] = { "oifgroup", TY_INT, 4, true, true },
	[23] = { "cgroup", TY_INT, 4, true, false },
	[24] = { "random", TY_INT, 4, false, false },
	[25] = { "ipsec", TY_INT, 1, true, false },
	[26] = { "iifkind", TY_IFNAME, 16, false, false },
	[27] = { "oifkind", TY_IFNAME, 16, false, false },
	[28] = { "ibrpvid", TY_INT, 2, true, false },
	[29] = { "ibrvproto", TY_ETHERTYPE, 2, false, false },
	[33] = { "sdif", TY_IFINDEX, 4, true, false },
	[34] = { "sdifname", TY_IFNAME, 16, false, false },
	[35] = { "broute", TY_INT, 1, true, false },
};

const struct nft_key *nft_meta_key(uint32_t key)
{
	return key < ARRAY_SIZE(meta_keys) && meta_keys[key].name ? &meta_keys[key] : NULL;
}

/* NFT_CT_*: by key */
static const struct nft_key ct_keys[] = {
	[0] = { "state", TY_CTSTATE, 4, true, false },
	[1] = { "direction", TY_CTDIR, 1, true, false },
	[2] = { "status", TY_CTSTATUS, 4, true, false },
	[3] = { "mark", TY_MARK, 4, true, false },
	[4] = { "secmark", TY_INT, 4, true, false },
	[5] = { "expiration", TY_NONE, 4, true, false },
	[6] = { "helper", TY_STRING, 16, false, false },
	[7] = { "l3proto", TY_NFPROTO, 1, true, false },
	[8] = { "saddr", TY_NONE, 16, false, false },
	[9] = { "daddr", TY_NONE, 16, false, false },
	[10] = { "protocol", TY_PROTO, 1, true, false },
	[11] = { "proto-src", TY_INT, 2, false, false },
	[12] = { "proto-dst", TY_INT, 2, false, false },
	[13] = { "label", TY_NONE, 16, true, false },
	[14] = { "packets", TY_INT, 8, true, false },
	[15] = { "bytes", TY_INT, 8, true, false },
	[16] = { "avgpkt", TY_INT, 8, true, false },
	[17] = { "zone", TY_INT, 2, true, false },
	[18] = { "event", TY_NONE, 4, true, false },
	[19] = { "ip saddr", TY_IPV4, 4, false, false },
	[20] = { "ip daddr", TY_IPV4, 4, false, false },
	[21] = { "ip6 saddr", TY_IPV6, 16, false, false },
	[22] = { "ip6 daddr", TY_IPV6, 16, false, false },
	[23] = { "id", TY_INT, 4, false, false },
};

const struct nft_key *nft_ct_key(uint32_t key)
{
	return key < ARRAY_SIZE(ct_keys) && ct_keys[key].name ? &ct_keys[key] : NULL;
}

/* TCP options (kind; field at offset, length) */
static const struct tcpopt {
	uint8_t kind;
	const char *name;
	struct nft_key f[3];
	uint8_t off[3];
} tcpopts[] = {
	{ 2, "maxseg", { { "length", TY_INT, 1, false, false },
			 { "size", TY_INT, 2, false, false } }, { 1, 2 } },
	{ 3, "window", { { "length", TY_INT, 1, false, false },
			 { "count", TY_INT, 1, false, false } }, { 1, 2 } },
	{ 8, "timestamp", { { "length", TY_INT, 1, false, false },
			    { "tsval", TY_INT, 4, false, false },
			    { "tsecr", TY_INT, 4, false, false } }, { 1, 2, 6 } },
};

const struct nft_key *nft_tcpopt(unsigned type, unsigned off, unsigned len,
				 const char **optname)
{
	for (size_t i = 0; i < ARRAY_SIZE(tcpopts); i++) {
		if (tcpopts[i].kind != type)
			continue;
		*optname = tcpopts[i].name;
		for (int j = 0; j < 3; j++)
			if (tcpopts[i].f[j].name && tcpopts[i].off[j] == off &&
			    tcpopts[i].f[j].len == len)
				return &tcpopts[i].f[j];
	}
	return NULL;
}

/* ---- symbols ---- */

struct sym {
	uint32_t v;
	const char *name;
};

static const struct sym ethertypes[] = {
	{ 0x0800, "ip" }, { 0x0806, "arp" }, { 0x86dd, "ip6" }, { 0x8100, "vlan" },
	{ 0x88a8, "8021ad" },
};
static const struct sym protos[] = {
	{ 1, "icmp" }, { 2, "igmp" }, { 6, "tcp" }, { 17, "udp" }, { 33, "dccp" },
	{ 41, "ipv6" }, { 47, "gre" }, { 50, "esp" }, { 51, "ah" }, { 58, "ipv6-icmp" },
	{ 108, "comp" }, { 132, "sctp" }, { 136, "udplite" },
};
static const struct sym nfprotos[] = {
	{ 1, "inet" }, { 2, "ipv4" }, { 3, "arp" }, { 5, "netdev" }, { 7, "bridge" },
	{ 10, "ipv6" },
};
static const struct sym icmp_types[] = {
	{ 0, "echo-reply" }, { 3, "destination-unreachable" }, { 4, "source-quench" },
	{ 5, "redirect" }, { 8, "echo-request" }, { 9, "router-advertisement" },
	{ 10, "router-solicitation" }, { 11, "time-exceeded" }, { 12, "parameter-problem" },
	{ 13, "timestamp-request" }, { 14, "timestamp-reply" }, { 15, "info-request" },
	{ 16, "info-reply" }, { 17, "address-mask-request" }, { 18, "address-mask-reply" },
};
static const struct sym icmp_codes[] = {
	{ 0, "net-unreachable" }, { 1, "host-unreachable" }, { 2, "prot-unreachable" },
	{ 3, "port-unreachable" }, { 4, "frag-needed" }, { 9, "net-prohibited" },
	{ 10, "host-prohibited" }, { 13, "admin-prohibited" },
};
static const struct sym icmp6_types[] = {
	{ 1, "destination-unreachable" }, { 2, "packet-too-big" }, { 3, "time-exceeded" },
	{ 4, "parameter-problem" }, { 128, "echo-request" }, { 129, "echo-reply" },
	{ 130, "mld-listener-query" }, { 131, "mld-listener-report" },
	{ 132, "mld-listener-done" }, { 133, "nd-router-solicit" },
	{ 134, "nd-router-advert" }, { 135, "nd-neighbor-solicit" },
	{ 136, "nd-neighbor-advert" }, { 137, "nd-redirect" }, { 138, "router-renumbering" },
	{ 141, "ind-neighbor-solicit" }, { 142, "ind-neighbor-advert" },
	{ 143, "mld2-listener-report" },
};
static const struct sym icmp6_codes[] = {
	{ 0, "no-route" }, { 1, "admin-prohibited" }, { 3, "addr-unreachable" },
	{ 4, "port-unreachable" }, { 5, "policy-fail" }, { 6, "reject-route" },
};
static const struct sym ctdirs[] = { { 0, "original" }, { 1, "reply" } };
static const struct sym arpops[] = {
	{ 1, "request" }, { 2, "reply" }, { 3, "rrequest" }, { 4, "rreply" },
	{ 8, "inrequest" }, { 9, "inreply" }, { 10, "nak" },
};
static const struct sym pkttypes[] = {
	{ 0, "host" }, { 1, "broadcast" }, { 2, "multicast" }, { 3, "other" },
};
static const struct sym arphrds[] = {
	{ 1, "ether" }, { 512, "ppp" }, { 768, "ipip" }, { 769, "ipip6" },
	{ 772, "loopback" }, { 776, "sit" }, { 778, "ipgre" },
};
static const struct sym addrtypes[] = {
	{ 0, "unspec" }, { 1, "unicast" }, { 2, "local" }, { 3, "broadcast" },
	{ 4, "anycast" }, { 5, "multicast" }, { 6, "blackhole" }, { 7, "unreachable" },
	{ 8, "prohibit" },
};

static const char *sym_find(const struct sym *t, size_t n, uint32_t v)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].v == v)
			return t[i].name;
	return NULL;
}

#define SYM(t, v) sym_find((t), ARRAY_SIZE(t), (v))

const char *nft_sym(unsigned ty, uint32_t v)
{
	switch (ty) {
	case TY_ETHERTYPE: return SYM(ethertypes, v);
	case TY_PROTO: return SYM(protos, v);
	case TY_NFPROTO: return SYM(nfprotos, v);
	case TY_ICMP: return SYM(icmp_types, v);
	case TY_ICMP_CODE: return SYM(icmp_codes, v);
	case TY_ICMP6: return SYM(icmp6_types, v);
	case TY_ICMP6_CODE: return SYM(icmp6_codes, v);
	case TY_CTDIR: return SYM(ctdirs, v);
	case TY_ARPOP: return SYM(arpops, v);
	case TY_PKTTYPE: return SYM(pkttypes, v);
	case TY_ARPHRD: return SYM(arphrds, v);
	case TY_ADDRTYPE: return SYM(addrtypes, v);
	default: return NULL;
	}
}

/* ct state: the bit of each IP_CT_* (1 << (ctinfo + 1)), invalid bit 0,
 * untracked bit 6 */
static const char *const ctstate_v[] = {
	"invalid", "established", "related", "new", NULL, NULL, "untracked",
};
static const struct nl_names ctstate_bits = NL_NAMES(ctstate_v);
/* IPS_* */
static const char *const ctstatus_v[] = {
	"expected", "seen-reply", "assured", "confirmed", "snat", "dnat", NULL, NULL,
	NULL, "dying",
};
static const struct nl_names ctstatus_bits = NL_NAMES(ctstatus_v);
static const char *const tcpflag_v[] = {
	"fin", "syn", "rst", "psh", "ack", "urg", "ecn", "cwr",
};
static const struct nl_names tcpflag_bits = NL_NAMES(tcpflag_v);

const struct nl_names *nft_bits(unsigned ty)
{
	switch (ty) {
	case TY_CTSTATE: return &ctstate_bits;
	case TY_CTSTATUS: return &ctstatus_bits;
	case TY_TCPFLAGS: return &tcpflag_bits;
	default: return NULL;
	}
}

/* NF_DROP... (0..5), NFT_CONTINUE... (-1..-5) */
const char *nft_verdict_name(int32_t v)
{
	static const char *const pos[] = { "drop", "accept", "stolen", "queue", "repeat",
					   "stop" };
	static const char *const neg[] = { NULL, "continue", "break", "jump", "goto",
					   "return" };
	if (v >= 0 && v < (int32_t)ARRAY_SIZE(pos))
		return pos[v];
	if (v < 0 && v >= -(int32_t)(ARRAY_SIZE(neg) - 1))
		return neg[-v];
	return NULL;
}
