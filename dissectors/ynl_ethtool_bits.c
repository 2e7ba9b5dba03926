/* ynl_ethtool_bits.c - ethtool bitsets (ETHTOOL_A_BITSET_*) with the
 * names of their bits, and the string sets that name them.
 *
 * A bitset says which bits it holds in one of two forms.  Verbose: a list
 * of bits, each with its index and name (and a value flag unless nomask).
 * Compact: "value" and "mask" bitmaps of 32-bit words and a size; the
 * names are those of a kernel string set (ETH_SS_*), which the bitset's
 * place in the message chooses (linkmodes ours: link modes, features hw:
 * netdev features...).  A name comes from the string sets the capture
 * holds (ETHTOOL_MSG_STRSET_GET replies, learned in capture order, per
 * device or shared: src/strset.h), else from the tables below for the
 * sets whose names are a stable ABI (link modes, WoL, message classes,
 * timestamping, UDP tunnel types, standard statistics groups); netdev
 * feature bits are not (their numbers change between kernels) and have
 * no table.  A bit without a name is shown by its number.
 *
 * References: include/uapi/linux/ethtool.h (enum ethtool_stringset, enum
 * ethtool_link_mode_bit_indices, WAKE_*), net_tstamp.h (SOF_TIMESTAMPING_*,
 * enum hwtstamp_tx_types, enum hwtstamp_rx_filters), netdevice.h
 * (NETIF_MSG_*), ethtool_netlink_generated.h (ETHTOOL_A_STRSET_* and its
 * nests, Linux 7.2); the names as the kernel's string sets give them
 * (checked against a 6.1 kernel's in captures/lab/ethtool.pcap by
 * tests/check_ethtool_truth.py).
 */
#include <string.h>

#include "emit.h"
#include "sbuf.h"
#include "state.h"
#include "strset.h"
#include "ynl.h"

/* enum ethtool_stringset */
enum {
	ETH_SS_PRIV_FLAGS = 2, ETH_SS_FEATURES = 4, ETH_SS_LINK_MODES = 9,
	ETH_SS_MSG_CLASSES, ETH_SS_WOL_MODES, ETH_SS_SOF_TIMESTAMPING, ETH_SS_TS_TX_TYPES,
	ETH_SS_TS_RX_FILTERS, ETH_SS_UDP_TUNNEL_TYPES, ETH_SS_STATS_STD,
	ETH_SS_TS_FLAGS = 22,
};

/* ETH_SS_LINK_MODES: the link mode bits of 7.2, named as the kernel
 * names them (speed "base" type "/" duplex, and the special modes) */
static const char *const link_mode_names[] = {
	"10baseT/Half", "10baseT/Full", "100baseT/Half", "100baseT/Full", "1000baseT/Half",
	"1000baseT/Full", "Autoneg", "TP", "AUI", "MII", "FIBRE", "BNC", "10000baseT/Full",
	"Pause", "Asym_Pause", "2500baseX/Full", "Backplane", "1000baseKX/Full",
	"10000baseKX4/Full", "10000baseKR/Full", "10000baseR_FEC", "20000baseMLD2/Full",
	"20000baseKR2/Full", "40000baseKR4/Full", "40000baseCR4/Full", "40000baseSR4/Full",
	"40000baseLR4/Full", "56000baseKR4/Full", "56000baseCR4/Full", "56000baseSR4/Full",
	"56000baseLR4/Full", "25000baseCR/Full", "25000baseKR/Full", "25000baseSR/Full",
	"50000baseCR2/Full", "50000baseKR2/Full", "100000baseKR4/Full", "100000baseSR4/Full",
	"100000baseCR4/Full", "100000baseLR4_ER4/Full", "50000baseSR2/Full",
	"1000baseX/Full", "10000baseCR/Full", "10000baseSR/Full", "10000baseLR/Full",
	"10000baseLRM/Full", "10000baseER/Full", "2500baseT/Full", "5000baseT/Full", "None",
	"RS", "BASER", "50000baseKR/Full", "50000baseSR/Full", "50000baseCR/Full",
	"50000baseLR_ER_FR/Full", "50000baseDR/Full", "100000baseKR2/Full",
	"100000baseSR2/Full", "100000baseCR2/Full", "100000baseLR2_ER2_FR2/Full",
	"100000baseDR2/Full", "200000baseKR4/Full", "200000baseSR4/Full",
	"200000baseLR4_ER4_FR4/Full", "200000baseDR4/Full", "200000baseCR4/Full",
	"100baseT1/Full", "1000baseT1/Full", "400000baseKR8/Full", "400000baseSR8/Full",
	"400000baseLR8_ER8_FR8/Full", "400000baseDR8/Full", "400000baseCR8/Full", "LLRS",
	"100000baseKR/Full", "100000baseSR/Full", "100000baseLR_ER_FR/Full",
	"100000baseCR/Full", "100000baseDR/Full", "200000baseKR2/Full", "200000baseSR2/Full",
	"200000baseLR2_ER2_FR2/Full", "200000baseDR2/Full", "200000baseCR2/Full",
	"400000baseKR4/Full", "400000baseSR4/Full", "400000baseLR4_ER4_FR4/Full",
	"400000baseDR4/Full", "400000baseCR4/Full", "100baseFX/Half", "100baseFX/Full",
	"10baseT1L/Full", "800000baseCR8/Full", "800000baseKR8/Full", "800000baseDR8/Full",
	"800000baseDR8_2/Full", "800000baseSR8/Full", "800000baseVR8/Full",
	"10baseT1S/Full", "10baseT1S/Half", "10baseT1S_P2MP/Half", "10baseT1BRR/Full",
	"200000baseCR/Full", "200000baseKR/Full", "200000baseDR/Full", "200000baseDR_2/Full",
	"200000baseSR/Full", "200000baseVR/Full", "400000baseCR2/Full", "400000baseKR2/Full",
	"400000baseDR2/Full", "400000baseDR2_2/Full", "400000baseSR2/Full",
	"400000baseVR2/Full", "800000baseCR4/Full", "800000baseKR4/Full",
	"800000baseDR4/Full", "800000baseDR4_2/Full", "800000baseSR4/Full",
	"800000baseVR4/Full", "1600000baseCR8/Full", "1600000baseKR8/Full",
	"1600000baseDR8/Full", "1600000baseDR8_2/Full",
};
/* ETH_SS_MSG_CLASSES: NETIF_MSG_* bits */
static const char *const msg_class_names[] = {
	"drv", "probe", "link", "timer", "ifdown", "ifup", "rx_err", "tx_err", "tx_queued",
	"intr", "tx_done", "rx_status", "pktdata", "hw", "wol",
};
/* ETH_SS_WOL_MODES: WAKE_* bits */
static const char *const wol_mode_names[] = {
	"phy", "ucast", "mcast", "bcast", "arp", "magic", "magicsecure", "filter",
};
/* ETH_SS_SOF_TIMESTAMPING: SOF_TIMESTAMPING_* bits (the later ones are
 * left by number: their names are not in a capture of ours) */
static const char *const sof_ts_names[] = {
	"hardware-transmit", "software-transmit", "hardware-receive", "software-receive",
	"software-system-clock", "hardware-legacy-clock", "hardware-raw-clock", "option-id",
	"sched-transmit", "ack-transmit", "option-cmsg", "option-tsonly", "option-stats",
	"option-pktinfo", "option-tx-swhw", "bind-phc",
};
/* ETH_SS_TS_TX_TYPES: enum hwtstamp_tx_types */
static const char *const ts_tx_names[] = { "off", "on", "onestep-sync", "onestep-p2p" };
/* ETH_SS_TS_RX_FILTERS: enum hwtstamp_rx_filters */
static const char *const ts_rx_names[] = {
	"none", "all", "some", "ptpv1-l4-event", "ptpv1-l4-sync", "ptpv1-l4-delay-req",
	"ptpv2-l4-event", "ptpv2-l4-sync", "ptpv2-l4-delay-req", "ptpv2-l2-event",
	"ptpv2-l2-sync", "ptpv2-l2-delay-req", "ptpv2-event", "ptpv2-sync", "ptpv2-delay-req",
	"ntp-all",
};
/* ETH_SS_UDP_TUNNEL_TYPES: enum ethtool_udp_tunnel_type */
static const char *const udp_tunnel_names[] = { "vxlan", "geneve", "vxlan-gpe" };
/* ETH_SS_STATS_STD: enum ethtool_stats_grp (ETHTOOL_STATS_*) */
static const char *const stats_std_names[] = { "eth-phy", "eth-mac", "eth-ctrl", "rmon" };

struct et_table {
	uint32_t id;
	const char *const *names;
	unsigned n;
};
#define ET_TABLE(id, t) { (id), (t), ARRAY_SIZE(t) }
static const struct et_table et_tables[] = {
	ET_TABLE(ETH_SS_LINK_MODES, link_mode_names),
	ET_TABLE(ETH_SS_MSG_CLASSES, msg_class_names),
	ET_TABLE(ETH_SS_WOL_MODES, wol_mode_names),
	ET_TABLE(ETH_SS_SOF_TIMESTAMPING, sof_ts_names),
	ET_TABLE(ETH_SS_TS_TX_TYPES, ts_tx_names),
	ET_TABLE(ETH_SS_TS_RX_FILTERS, ts_rx_names),
	ET_TABLE(ETH_SS_UDP_TUNNEL_TYPES, udp_tunnel_names),
	ET_TABLE(ETH_SS_STATS_STD, stats_std_names),
};

/* which string set names a bitset: by its attribute set and name in the
 * spec ("*": any attribute of the set) */
static const struct et_bitset_kind {
	const char *set, *attr;
	uint32_t id;
} et_kinds[] = {
	{ "linkmodes", "ours", ETH_SS_LINK_MODES },
	{ "linkmodes", "peer", ETH_SS_LINK_MODES },
	{ "eee", "modes-ours", ETH_SS_LINK_MODES },
	{ "eee", "modes-peer", ETH_SS_LINK_MODES },
	{ "fec", "modes", ETH_SS_LINK_MODES },
	{ "features", "*", ETH_SS_FEATURES },
	{ "privflags", "flags", ETH_SS_PRIV_FLAGS },
	{ "debug", "msgmask", ETH_SS_MSG_CLASSES },
	{ "wol", "modes", ETH_SS_WOL_MODES },
	{ "tsinfo", "timestamping", ETH_SS_SOF_TIMESTAMPING },
	{ "tsinfo", "tx-types", ETH_SS_TS_TX_TYPES },
	{ "tsinfo", "rx-filters", ETH_SS_TS_RX_FILTERS },
	{ "tsconfig", "tx-types", ETH_SS_TS_TX_TYPES },
	{ "tsconfig", "rx-filters", ETH_SS_TS_RX_FILTERS },
	{ "tsconfig", "hwtstamp-flags", ETH_SS_TS_FLAGS },
	{ "tunnel-udp-table", "types", ETH_SS_UDP_TUNNEL_TYPES },
	{ "stats", "groups", ETH_SS_STATS_STD },
};

/* the string set of attribute attr of set, or -1 */
static int64_t bitset_kind(const char *set, const char *attr)
{
	for (size_t i = 0; set && attr && i < ARRAY_SIZE(et_kinds); i++)
		if (!strcmp(et_kinds[i].set, set) &&
		    (!strcmp(et_kinds[i].attr, "*") || !strcmp(et_kinds[i].attr, attr)))
			return et_kinds[i].id;
	return -1;
}

/* Names for the bits of one bitset: string set id (-1: none) on device
 * scope (0: unknown), looked up once; a name is then a search in the
 * learned sets, else the built-in table. */
struct bitnames {
	struct strset_view learned;
	const struct et_table *table;
};

static struct bitnames bitnames_for(const struct nlstate *st, uint32_t scope, int64_t id)
{
	struct bitnames bn = { { NULL, NULL }, NULL };

	if (id < 0)
		return bn;
	bn.learned = strset_view(st->strsets, scope, (uint32_t)id);
	for (size_t i = 0; i < ARRAY_SIZE(et_tables); i++)
		if (et_tables[i].id == id)
			bn.table = &et_tables[i];
	return bn;
}

static const char *bit_name(const struct bitnames *bn, uint32_t idx)
{
	const char *nm = strset_view_name(&bn->learned, idx);

	if (nm)
		return nm;
	return bn->table && idx < bn->table->n ? bn->table->names[idx] : NULL;
}

static const struct nl_attr_pol *pol_named(const struct nl_attr_set *s, const char *name)
{
	for (unsigned t = 0; s && t <= s->max; t++)
		if (s->attrs[t].name && !strcmp(s->attrs[t].name, name))
			return &s->attrs[t];
	return NULL;
}

/* The device index of a request header nest (hdr, of set hs), or 0. */
static uint32_t header_dev(const struct nlc *hdr, const struct nl_attr_set *hs)
{
	struct nlc x;

	if (!hs || !nl_sum_find_named(hdr, hs, "dev-index", &x) || nlc_left(&x) != 4)
		return 0;
	return nlc_u32(&x);
}

/* The device of the message being walked: its header's dev-index, or 0
 * (a request names its device by name only). */
static uint32_t msg_dev(const struct dctx *d)
{
	const struct nla_level *top = d->level;
	struct nlc h;

	for (int hops = 0; top && top->up && hops <= NL_MAX_DEPTH; hops++)
		top = top->up;
	if (!top || !top->pol)
		return 0;
	const struct nl_attr_pol *hp = pol_named(top->pol, "header");
	if (!hp || !nl_sum_find_named(&top->set, top->pol, "header", &h))
		return 0;
	return header_dev(&h, hp->nest);
}

/* bit idx (in the word at frame position at) by name, else by number */
static void put_bit_of(struct dctx *d, const struct bitnames *bc, uint32_t idx, size_t at)
{
	const char *nm = bit_name(bc, idx);

	if (!nm) {
		nl_put_uint(d, NULL, at, 4, idx, EF_DEC);
		return;
	}
	emit_str(d->e, NULL, (const uint8_t *)nm, strlen(nm));
	if (d->fs)	/* a name of ours or learned: not this span's bytes */
		nl_fs_text(d, NULL, at, 4, nm, strlen(nm));
}

/* the set bits of a bitmap of 32-bit words (at most size bits), by name */
static void bitmap_list(struct dctx *d, const char *key, struct nlc x, uint32_t size,
			const struct bitnames *bc)
{
	nl_put_list_begin(d, key);
	for (uint32_t base = 0; nlc_left(&x) >= 4 && base < size; base += 32) {
		size_t at = x.pos;
		uint32_t w = nlc_u32(&x);
		for (unsigned i = 0; i < 32 && base + i < size; i++)
			if (w >> i & 1)
				put_bit_of(d, bc, base + i, at);
	}
	nl_put_list_end(d);
}

/* the words of a bitmap as they are, in hex */
static void words_list(struct dctx *d, const char *key, struct nlc x)
{
	nl_put_list_begin(d, key);
	while (nlc_left(&x) >= 4) {
		size_t at = x.pos;
		nl_put_uint(d, NULL, at, 4, nlc_u32(&x), EF_HEX);
	}
	nl_put_list_end(d);
}

/* the names (or indexes) of the listed bits; set_only: those with value */
static void bits_list(struct dctx *d, const char *key, const struct nl_attr_pol *bp,
		      struct nlc bits, bool set_only)
{
	const struct nl_attr_set *bs = NULL;
	struct nlc it = bits, one, x;
	uint16_t type;

	for (unsigned t = 0; bp->nest && t <= bp->nest->max && !bs; t++)
		bs = bp->nest->attrs[t].nest;
	nl_put_list_begin(d, key);
	while (bs && nla_next(&it, &type, &one)) {
		if (set_only && !nl_sum_find_named(&one, bs, "value", &x))
			continue;
		const uint8_t *s;
		size_t n, at;
		if (nl_sum_find_named(&one, bs, "name", &x) && (at = x.pos, s = nlc_rest(&x, &n))) {
			nl_put_str(d, NULL, at, n, s, n && !s[n - 1] ? n - 1 : n);
		} else if (nl_sum_find_named(&one, bs, "index", &x) && nlc_left(&x) == 4) {
			at = x.pos;
			nl_put_uint(d, NULL, at, 4, nlc_u32(&x), EF_DEC);
		}
	}
	nl_put_list_end(d);
}

bool ynl_ethtool_bitset_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			   struct nlc *c)
{
	const struct nl_attr_set *s = pol->nest;
	struct nlc it = *c, one, x, nm;
	uint16_t type;
	uint32_t size = 0;
	size_t size_at = 0;

	if (!s)
		return false;
	while (nla_next(&it, &type, &one))	/* the whole payload: attributes */
		;
	if (nlc_left(&it))
		return false;
	bool nomask = nl_sum_find_named(c, s, "nomask", &nm);
	bool has_size = nl_sum_find_named(c, s, "size", &x) && nlc_left(&x) == 4;
	if (has_size) {
		size_at = x.pos;
		size = nlc_u32(&x);
	}
	struct bitnames bc = bitnames_for(d->st, msg_dev(d),
		bitset_kind(d->level && d->level->pol ? d->level->pol->name : NULL, pol->name));
	nl_put_obj_begin(d, key, "struct", c);
	if (has_size)
		nl_put_uint(d, "size", size_at, 4, size, EF_DEC);
	if (nomask) {
		emit_flag(d->e, "nomask");
		if (d->fs)
			nl_fs_bytes(d, "nomask", "flag", NLFV_TRUE, 0, nm.pos, 0, NULL, 0);
	}
	const struct nl_attr_pol *bp = pol_named(s, "bits");
	bool verbose = bp && nl_sum_find_named(c, s, "bits", &x);
	if (verbose) {
		bits_list(d, "bits", bp, x, !nomask);
		if (!nomask)
			bits_list(d, "mask", bp, x, false);
	}
	struct nlc val, mask;
	bool has_val = nl_sum_find_named(c, s, "value", &val);
	bool has_mask = nl_sum_find_named(c, s, "mask", &mask);
	if (has_val && !verbose)	/* both forms at once: names from the list */
		bitmap_list(d, "bits", val, size, &bc);
	if (has_mask && !verbose)
		bitmap_list(d, "mask", mask, size, &bc);
	if (has_val)
		words_list(d, "value-words", val);
	if (has_mask)
		words_list(d, "mask-words", mask);
	nl_put_obj_end(d);
	nlc_skip(c, nlc_left(c));
	return true;
}

static const struct nl_attr_pol bitset_members[] = {
	{ "size", NLA_KIND_U32 },
	{ "nomask", NLA_KIND_FLAG },
	{ "bits", NLA_KIND_CB, .shape = &(const struct nl_shape)NL_SHAPE_FORM("list of bits") },
	{ "mask", NLA_KIND_CB, .shape = &(const struct nl_shape)NL_SHAPE_FORM("list of bits") },
	{ "value-words", NLA_KIND_CB, .shape = &(const struct nl_shape)NL_SHAPE_FORM("list of u32") },
	{ "mask-words", NLA_KIND_CB, .shape = &(const struct nl_shape)NL_SHAPE_FORM("list of u32") },
};
const struct nl_shape ynl_ethtool_bitset_shape = {
	.members = bitset_members, .nmembers = ARRAY_SIZE(bitset_members),
};

/* ---- bitsets in a summary line ----
 * Each bit of a recorded bitset in turn, by name (NULL: none): with
 * by_mask, the bits of the mask (compact) or all listed (verbose), on when
 * set; else the bits set. */
struct bit_walk {
	struct sbuf *b;
	bool by_mask;		/* "name on|off", else "name" */
	unsigned n;		/* bits written */
};

static void put_bit(struct bit_walk *w, const uint8_t *name, size_t len, uint32_t idx, bool on)
{
	if (w->n++)
		sbuf_putc(w->b, ' ');
	if (name)
		sbuf_escape(w->b, name, len, 0);
	else
		sbuf_printf(w->b, "bit%u", idx);
	if (w->by_mask)
		sbuf_puts(w->b, on ? " on" : " off");
}

static void named_bit(struct bit_walk *w, const struct bitnames *bn, uint32_t idx, bool on)
{
	const char *nm = bit_name(bn, idx);

	put_bit(w, (const uint8_t *)nm, nm ? strlen(nm) : 0, idx, on);
}

/* the summary text of bitset slot pt->slot (device: the header, pt->aux) */
static bool bitset_text(struct dctx *d, struct bit_walk *w, const struct nl_sum_vals *v,
			const struct nl_sum_part *pt, uint32_t id)
{
	const struct nl_attr_pol *pol = v->pol[pt->slot];
	const struct nl_attr_set *s = pol ? pol->nest : NULL;
	const struct nl_attr_pol *bp = pol_named(s, "bits");
	const struct nl_attr_set *bs = NULL;
	struct nlc set, x, val, mask, one, f, hdr;
	uint32_t size = 0, scope = 0;
	uint16_t type;

	if (!s || !nl_sum_get(v, pt->slot, &set))
		return false;
	bool nomask = nl_sum_find_named(&set, s, "nomask", &x);
	if (w->by_mask && nomask)
		return false;	/* a get's whole set: too long for the line */
	if (pt->aux >= 0 && nl_sum_get(v, pt->aux, &hdr) && v->pol[pt->aux])
		scope = header_dev(&hdr, v->pol[pt->aux]->nest);
	struct bitnames bn = bitnames_for(d->st, scope, id);
	for (unsigned t = 0; bp && bp->nest && t <= bp->nest->max && !bs; t++)
		bs = bp->nest->attrs[t].nest;
	if (bs && nl_sum_find_named(&set, s, "bits", &x)) {	/* verbose */
		while (nla_next(&x, &type, &one)) {
			bool on = nomask || nl_sum_find_named(&one, bs, "value", &f);
			const uint8_t *nm = NULL;
			size_t len = 0;
			uint32_t idx = 0;
			if (!on && !w->by_mask)
				continue;
			if (nl_sum_find_named(&one, bs, "index", &f) && nlc_left(&f) == 4)
				idx = nlc_u32(&f);
			if (!nl_sum_find_named(&one, bs, "name", &f) || !(nm = nlc_rest(&f, &len))) {
				named_bit(w, &bn, idx, on);
				continue;
			}
			put_bit(w, nm, len && !nm[len - 1] ? len - 1 : len, idx, on);
		}
		return w->n > 0;
	}
	if (!nl_sum_find_named(&set, s, "size", &x) || nlc_left(&x) != 4 ||
	    !nl_sum_find_named(&set, s, "value", &val))
		return false;
	size = nlc_u32(&x);
	bool masked = w->by_mask && nl_sum_find_named(&set, s, "mask", &mask);
	if (w->by_mask && !masked)
		return false;
	for (uint32_t base = 0; nlc_left(&val) >= 4 && base < size; base += 32) {
		uint32_t vw = nlc_u32(&val), mw = masked && nlc_left(&mask) >= 4 ? nlc_u32(&mask) : vw;
		for (unsigned i = 0; i < 32 && base + i < size; i++)
			if (mw >> i & 1)
				named_bit(w, &bn, base + i, vw >> i & 1);
	}
	return w->n > 0;
}

/* a features request in ethtool -K's words: "rx-gro off rx-checksum on"
 * (the wanted bitset's mask, each bit with its value) */
bool ynl_ethtool_features_text(struct dctx *d, const struct nl_sum_vals *v,
			       const struct nl_sum_part *pt, struct sbuf *b)
{
	struct bit_walk w = { b, true, 0 };

	return bitset_text(d, &w, v, pt, ETH_SS_FEATURES);
}

/* the link modes set: "advertise 1000baseT/Full" */
bool ynl_ethtool_modes_text(struct dctx *d, const struct nl_sum_vals *v,
			    const struct nl_sum_part *pt, struct sbuf *b)
{
	struct bit_walk w = { b, false, 0 };

	return bitset_text(d, &w, v, pt, ETH_SS_LINK_MODES);
}

/* ---- learning the string sets (ETHTOOL_MSG_STRSET_GET_REPLY) ----
 * header (1) { dev-index (1) }, stringsets (2) { stringset (1) { id (1),
 * count (2), strings (3) { string (1) { index (1), value (2) } } } } */
enum { STRSET_HEADER = 1, STRSET_STRINGSETS = 2 };
enum { STRINGSET_ID = 1, STRINGSET_COUNT = 2, STRINGSET_STRINGS = 3 };
enum { STRING_INDEX = 1, STRING_VALUE = 2 };
enum { HEADER_DEV_INDEX = 1 };
#define ETHTOOL_MSG_STRSET_GET_REPLY 1

void ynl_ethtool_learn(struct nlstate *st, uint8_t cmd, struct nlc attrs)
{
	struct nlc hdr, sets, one, strs, str, x;
	uint16_t t;
	uint32_t scope = 0, id, count;

	if (cmd != ETHTOOL_MSG_STRSET_GET_REPLY)
		return;
	if (nla_find(NULL, &attrs, STRSET_HEADER, &hdr))
		nla_find_u32(NULL, &hdr, HEADER_DEV_INDEX, &scope);
	if (!nla_find(NULL, &attrs, STRSET_STRINGSETS, &sets))
		return;
	while (nla_next(&sets, &t, &one)) {
		if (!nla_find_u32(NULL, &one, STRINGSET_ID, &id) ||
		    !nla_find_u32(NULL, &one, STRINGSET_COUNT, &count) ||
		    !nla_find(NULL, &one, STRINGSET_STRINGS, &strs))
			continue;	/* counts only: nothing to name */
		int set = strset_begin(&st->strsets, scope, id, count);
		while (set >= 0 && nla_next(&strs, &t, &str)) {
			uint32_t idx;
			const uint8_t *p;
			size_t n;
			if (nla_find_u32(NULL, &str, STRING_INDEX, &idx) &&
			    nla_find(NULL, &str, STRING_VALUE, &x) && (p = nlc_rest(&x, &n)))
				strset_put(st->strsets, set, idx, p, n);
		}
		strset_end(st->strsets, set);
	}
}
