/* rtnl_sum.c - NETLINK_ROUTE one-line summaries in the manner of iproute2:
 * the helpers every summary uses (devices, addresses, tables, names), and
 * the declared summaries of links, traffic control (qdiscs, classes,
 * filters, chains; actions) and of messages whose header names a device.
 * Addresses, routes & co.: rtnl_route_sum.c.
 *
 * Reference: include/uapi/linux/rtnetlink.h, if_link.h, pkt_sched.h,
 * pkt_cls.h (Linux 6.12); iproute2's ip-link, tc output.
 */
#include <string.h>

#include "ifmap.h"
#include "rtnl_msgs.h"
#include "rtnl_tc.h"
#include "state.h"

#define NLM_F_REQUEST 1

/* ---- helpers ---- */

void rtnl_sum_dev(struct dctx *d, const char *label, uint32_t ifindex)
{
	const char *nm = d->numeric ? NULL : ifmap_get(d->st->ifnames, ifindex);

	if (nm) {
		emit_sum(d->e, " %s ", label);
		emit_sum_str(d->e, (const uint8_t *)nm, strlen(nm));
	} else {
		emit_sum(d->e, " %s if%u", label, ifindex);
	}
}

void rtnl_sum_ifname(struct dctx *d, uint32_t ifindex)
{
	const char *nm = d->numeric ? NULL : ifmap_get(d->st->ifnames, ifindex);

	if (nm)
		emit_sum_str(d->e, (const uint8_t *)nm, strlen(nm));
	else
		emit_sum(d->e, "if%u", ifindex);
}

void rtnl_sum_addr(struct dctx *d, int af, struct nlc a)
{
	size_t n;
	const uint8_t *p = nlc_rest(&a, &n);

	if (!p)
		return;
	if ((af == RT_AF_INET || af <= 0) && n == 4)
		emit_sum_addr(d->e, EA_IPV4, p, n);
	else if ((af == RT_AF_INET6 || af <= 0) && n == 16)
		emit_sum_addr(d->e, EA_IPV6, p, n);
	else if (af == RT_AF_MPLS && n % 4 == 0) {
		for (size_t i = 0; i < n; i += 4) {
			uint32_t v = (uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 |
				     (uint32_t)p[i + 2] << 8 | p[i + 3];
			emit_sum(d->e, "%s%u", i ? "/" : "", v >> 12);
		}
	} else {
		emit_sum_addr(d->e, EA_MAC, p, n);
	}
}

void rtnl_sum_table(struct dctx *d, uint32_t table)
{
	const char *nm = d->numeric ? NULL : nl_name(&rtnl_table_names, table);

	if (nm && table)
		emit_sum(d->e, " table %s", nm);
	else
		emit_sum(d->e, " table %u", table);
}

void rtnl_sum_name(struct dctx *d, const char *label, const struct nl_names *t, uint64_t v)
{
	const char *nm = d->numeric ? NULL : nl_name(t, v);

	if (nm)
		emit_sum(d->e, " %s %s", label, nm);
	else
		emit_sum(d->e, " %s %llu", label, (unsigned long long)v);
}

/* ---- reading a declared summary's recorded values ---- */

/* " label ADDR" (label "": " ADDR") when the slot was recorded */
void rtnl_sum_addr_val(struct dctx *d, const struct nl_sum_vals *v, int slot, int af,
			 const char *label)
{
	struct nlc x;

	if (!nl_sum_get(v, slot, &x))
		return;
	emit_sum(d->e, " %s%s", label, *label ? " " : "");
	rtnl_sum_addr(d, af, x);
}

/* ---- links ---- */

/* the values a link's summary shows */
enum {
	LS_TYPE, LS_INDEX, LS_FLAGS,			/* struct ifinfomsg */
	LS_IFNAME, LS_LINK, LS_LINK_NETNSID, LS_MTU, LS_QDISC, LS_MASTER,
	LS_OPERSTATE, LS_LINKINFO, LS_KIND, LS_SLAVE_KIND, LS_ADDRESS,
};

static const struct nl_sum_field link_sum_fields[] = {
	[LS_TYPE] = NL_SUM_HDR("type"),
	[LS_INDEX] = NL_SUM_HDR("index"),
	[LS_FLAGS] = NL_SUM_HDR("flags"),
	[LS_IFNAME] = NL_SUM_ATTR(&rtnl_link_set, "ifname"),
	[LS_LINK] = NL_SUM_ATTR(&rtnl_link_set, "link"),
	[LS_LINK_NETNSID] = NL_SUM_ATTR(&rtnl_link_set, "link_netnsid"),
	[LS_MTU] = NL_SUM_ATTR(&rtnl_link_set, "mtu"),
	[LS_QDISC] = NL_SUM_ATTR(&rtnl_link_set, "qdisc"),
	[LS_MASTER] = NL_SUM_ATTR(&rtnl_link_set, "master"),
	[LS_OPERSTATE] = NL_SUM_ATTR(&rtnl_link_set, "operstate"),
	[LS_LINKINFO] = NL_SUM_ATTR(&rtnl_link_set, "linkinfo"),
	[LS_KIND] = NL_SUM_IN(&rtnl_linkinfo_set, "kind", LS_LINKINFO),
	[LS_SLAVE_KIND] = NL_SUM_IN(&rtnl_linkinfo_set, "slave_kind", LS_LINKINFO),
	[LS_ADDRESS] = NL_SUM_ATTR(&rtnl_link_set, "address"),
};

/* " 2: eth0@if7 <UP,...>": the index (a request for no index has none),
 * the name (the one learned when the message has none), the lower device
 * (in another namespace: its number), the flags (a request changing none
 * has none) */
static void sum_link_head(struct dctx *d, const struct nl_sum_vals *v)
{
	int32_t idx = (int32_t)val32(v, LS_INDEX);
	uint32_t flags = val32(v, LS_FLAGS);
	bool req = d->nl_flags & NLM_F_REQUEST;
	const uint8_t *nm;
	size_t n;
	uint32_t lower;
	struct nlc ns;

	if (idx || !req)
		emit_sum(d->e, " %d:", idx);
	const char *known = idx > 0 && !d->numeric ? ifmap_get(d->st->ifnames, (uint32_t)idx) : NULL;
	bool named = true;
	if (nl_sum_str(v, LS_IFNAME, &nm, &n)) {
		emit_sum_lit(d->e, " ");
		emit_sum_str(d->e, nm, n);
	} else if (known) {
		emit_sum_lit(d->e, " ");
		emit_sum_str(d->e, (const uint8_t *)known, strlen(known));
	} else {
		named = idx || !req;
	}
	if (nl_sum_u32(v, LS_LINK, &lower) && lower && lower != (uint32_t)idx) {
		/* name@lower as ip prints it; a request naming no device says
		 * the lower one as its command line does (ip link add link X) */
		emit_sum(d->e, named ? "@" : " link ");
		if (nl_sum_get(v, LS_LINK_NETNSID, &ns))
			emit_sum(d->e, "if%u", lower);
		else
			rtnl_sum_ifname(d, lower);
	}
	if (req && !flags) {
		/* a request changing nothing in ifi_flags */
	} else if (d->numeric) {
		emit_sum(d->e, " <0x%x>", flags);
	} else {
		emit_sum_lit(d->e, " <");
		for (uint32_t rest = flags; rest; rest &= rest - 1) {
			unsigned i = (unsigned)__builtin_ctz(rest);
			const char *fn = nl_name(&rtnl_iff_bits, i);
			if (rest != flags)
				emit_sum_lit(d->e, ",");
			if (fn)
				emit_sum_lit(d->e, fn);
			else
				emit_sum(d->e, "0x%x", 1u << i);
		}
		emit_sum_lit(d->e, ">");
	}
}

/* " link/ether 52:54:00:..": the device type, then the address */
static void sum_link_type(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc t, mac;
	uint16_t type = 0;

	if (nl_sum_get(v, LS_TYPE, &t))
		type = nlc_u16(&t);
	bool req = d->nl_flags & NLM_F_REQUEST;
	const char *tn = d->numeric ? NULL : nl_name(&rtnl_arphrd_names, type);
	if (type == 0xfffe)
		tn = "none";
	else if (type == 0xffff)
		tn = "void";
	bool have_mac = nl_sum_get(v, LS_ADDRESS, &mac);
	if (have_mac || (type && tn)) {
		if (req && !type)
			emit_sum(d->e, " address");
		else if (tn)
			emit_sum(d->e, " link/%s", tn);
		else
			emit_sum(d->e, " link/%u", type);
		if (have_mac) {
			emit_sum(d->e, " ");
			rtnl_sum_addr(d, -2, mac);
		}
	}
}

static const struct nl_sum_part link_sum_parts[] = {
	NLS_CALL(sum_link_head),
	NLS_PART(NLS_U32, LS_MTU, " mtu "),
	NLS_PART(NLS_STR, LS_QDISC, " qdisc "),
	NLS_PART(NLS_DEV, LS_MASTER, " master "),
	NLS_NAMES(LS_OPERSTATE, " state ", &rtnl_operstate_names),
	NLS_PART(NLS_STR, LS_KIND, " kind "),
	NLS_PART(NLS_STR, LS_SLAVE_KIND, " slave "),
	NLS_CALL(sum_link_type),
};

const struct nl_summary rtnl_link_summary = NL_SUMMARY(link_sum_fields, link_sum_parts);

/* ---- tc ---- */

static void sum_handle(struct dctx *d, const char *label, uint32_t hd)
{
	if (hd == 0xffffffffu) {
		emit_sum(d->e, " root");
		return;
	}
	if (label)
		emit_sum(d->e, " %s", label);
	if (!(hd >> 16))
		emit_sum(d->e, " :%x", hd & 0xffff);
	else if (!(hd & 0xffff))
		emit_sum(d->e, " %x:", hd >> 16);
	else
		emit_sum(d->e, " %x:%x", hd >> 16, hd & 0xffff);
}

enum {
	TS_IFINDEX, TS_HANDLE, TS_PARENT, TS_INFO,	/* struct tcmsg */
	TS_KIND, TS_CHAIN,
};

static const struct nl_sum_field tc_sum_fields[] = {
	[TS_IFINDEX] = NL_SUM_HDR("ifindex"),
	[TS_HANDLE] = NL_SUM_HDR("handle"),
	[TS_PARENT] = NL_SUM_HDR("parent"),
	[TS_INFO] = NL_SUM_HDR("info"),
	[TS_KIND] = NL_SUM_ATTR(&rtnl_tc_set, "kind"),
	[TS_CHAIN] = NL_SUM_ATTR(&rtnl_tc_set, "chain"),
};

/* the handle (not of filters and chains), the device, the parent, a
 * filter's handle, preference and protocol (tcm_info) */
static void sum_tc(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t handle = val32(v, TS_HANDLE), parent = val32(v, TS_PARENT);
	uint32_t info = val32(v, TS_INFO), ifindex = val32(v, TS_IFINDEX);
	uint16_t t = d->nl_type;
	bool filter = t >= 44 && t <= 46;
	bool chain = t >= 100 && t <= 102;

	if (!filter && !chain && handle)
		sum_handle(d, NULL, handle);
	if (ifindex)
		rtnl_sum_dev(d, "dev", ifindex);
	if (parent == 0xffffffffu)
		emit_sum(d->e, " root");
	else if (parent == 0xfffffff1u)
		emit_sum(d->e, " %s", handle == 0xffff0000u ? "ingress" : "parent ffff:fff1");
	else if (parent == 0xfffffff2u)
		emit_sum(d->e, " ingress");
	else if (parent == 0xfffffff3u)
		emit_sum(d->e, " egress");
	else if (parent)
		sum_handle(d, "parent", parent);
	if (filter) {
		uint16_t proto = (uint16_t)((info & 0xff) << 8 | (info >> 8 & 0xff));
		if (handle)
			emit_sum(d->e, " handle 0x%x", handle);
		if (info) {
			emit_sum(d->e, " pref %u", info >> 16);
			if (proto == 0x0800)
				emit_sum(d->e, " protocol ip");
			else if (proto == 0x86dd)
				emit_sum(d->e, " protocol ipv6");
			else if (proto == 0x0003)
				emit_sum(d->e, " protocol all");
			else if (proto)
				emit_sum(d->e, " protocol 0x%04x", proto);
		}
	}
}

static const struct nl_sum_part tc_sum_parts[] = {
	NLS_PART(NLS_STR, TS_KIND, " "),
	NLS_CALL(sum_tc),
	NLS_PART(NLS_U32, TS_CHAIN, " chain "),
};

const struct nl_summary rtnl_tc_summary = NL_SUMMARY(tc_sum_fields, tc_sum_parts);

enum { AC_TAB };
static const struct nl_sum_field action_sum_fields[] = {
	[AC_TAB] = NL_SUM_ATTR(&rtnl_act_root_set, "tab"),
};

/* " action KIND index N" per action of the recorded TCA_ACT_TAB, each
 * taken by its policy names from the action set */
static void sum_action(struct dctx *d, const struct nl_sum_vals *v)
{
	struct nlc tab, one, x;
	uint16_t t;
	uint32_t idx;

	if (!nl_sum_get(v, AC_TAB, &tab))
		return;
	tab.err = NLC_OK;
	while (nla_next(&tab, &t, &one)) {
		if (nl_sum_find_named(&one, &tc_act_set, "kind", &x)) {
			size_t n;
			const uint8_t *p = nlc_rest(&x, &n);
			const uint8_t *z = p && n ? memchr(p, 0, n) : NULL;
			if (p) {
				emit_sum(d->e, " action ");
				emit_sum_str(d->e, p, z ? (size_t)(z - p) : n);
			}
		}
		if (nl_sum_find_named(&one, &tc_act_set, "index", &x) && nlc_left(&x) == 4) {
			idx = nlc_u32(&x);
			if (nlc_ok(&x))
				emit_sum(d->e, " index %u", idx);
		}
	}
}

static const struct nl_sum_part action_sum_parts[] = { NLS_CALL(sum_action) };
const struct nl_summary rtnl_action_summary = NL_SUMMARY(action_sum_fields, action_sum_parts);

/* " dev NAME" from a header's ifindex (slot 0), when nonzero */
void rtnl_sum_hdr_dev(struct dctx *d, const struct nl_sum_vals *v)
{
	uint32_t idx = val32(v, 0);

	if (idx)
		rtnl_sum_dev(d, "dev", idx);
}

static const struct nl_sum_field ifindex_sum_fields[] = { NL_SUM_HDR("ifindex") };
static const struct nl_sum_part hdr_dev_parts[] = { NLS_CALL(rtnl_sum_hdr_dev) };
/* the first 8 bytes of the header are enough (if_stats_msg, nduseroptmsg) */
const struct nl_summary rtnl_hdr_dev_summary = NL_SUMMARY_MIN(ifindex_sum_fields,
								hdr_dev_parts, 8);
