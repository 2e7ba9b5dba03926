/* state_misc.c - --state: neighbours, rules, nexthops (ip neigh, ip rule,
 * ip nexthop), qdiscs (tc qdisc), the Open vSwitch datapaths, vports and
 * flows (ovs-dpctl show, dump-flows) and the generic netlink families
 * (genl ctrl list), in those tools' words and -j shapes where they have
 * one (ovs-dpctl and genl have none: the JSON members are the attributes'
 * names). */
#include <string.h>

#include "state_ip.h"

/* A tc handle (a u32 the stored hex holds, in the capture's order) as tc
 * writes it: "1:", "1:10", "root", "ingress". */
static bool tc_handle(struct sbuf *b, const char *f, const char *path, bool parent)
{
	size_t n;
	const char *v = sv_get(f, path, &n, NULL);
	unsigned x[4];

	if (!v || n != 10 || sscanf(v + 1, "%2x%2x%2x%2x", &x[0], &x[1], &x[2], &x[3]) != 4)
		return false;
	uint32_t h = x[0] | x[1] << 8 | x[2] << 16 | (uint32_t)x[3] << 24;	/* little-endian */
	if (parent && h == 0xffffffffu)
		sbuf_puts(b, "root");
	else if (parent && h == 0xfffffff1u)
		sbuf_puts(b, "ingress");
	else if (h & 0xffff)
		sbuf_printf(b, "%x:%x", h >> 16, h & 0xffff);
	else
		sbuf_printf(b, "%x:", h >> 16);
	return true;
}

static void qdisc_json(const struct state_view *s, struct sbuf *b, const char *f)
{
	bool first = true;
	struct sbuf t = { 0 };

	sbuf_putc(b, '{');
	sj_copy(b, &first, "kind", f, "attrs.kind");
	if (tc_handle(&t, f, "tcmsg.handle", false))
		sj_str(b, &first, "handle", t.p);
	sj_dev(s, b, &first, "dev", sv_u(f, "tcmsg.ifindex", 0));
	sbuf_reset(&t);
	if (tc_handle(&t, f, "tcmsg.parent", true)) {
		if (!strcmp(t.p, "root") || !strcmp(t.p, "ingress")) {
			sj_key(b, &first, t.p);
			sbuf_puts(b, "true");
		} else {
			sj_str(b, &first, "parent", t.p);
		}
	}
	sbuf_free(&t);
	sbuf_putc(b, '}');
}

static void qdisc_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	sbuf_puts(b, "qdisc ");
	st_val(b, f, "attrs.kind");
	sbuf_putc(b, ' ');
	tc_handle(b, f, "tcmsg.handle", false);
	sbuf_puts(b, " dev ");
	st_dev(s, b, sv_u(f, "tcmsg.ifindex", 0));
	struct sbuf t = { 0 };
	if (tc_handle(&t, f, "tcmsg.parent", true)) {
		if (strcmp(t.p, "root") && strcmp(t.p, "ingress"))
			sbuf_puts(b, " parent");
		sbuf_putc(b, ' ');
		sbuf_puts(b, t.p);
	}
	sbuf_free(&t);
	sbuf_putc(b, '\n');
}

static void neigh_json(const struct state_view *s, struct sbuf *b, const char *f)
{
	bool first = true;

	sbuf_putc(b, '{');
	sj_copy(b, &first, "dst", f, "attrs.dst");
	sj_dev(s, b, &first, "dev", sv_u(f, "ndmsg.ifindex", 0));
	sj_copy(b, &first, "lladdr", f, "attrs.lladdr");
	sj_copy(b, &first, "vlan", f, "attrs.vlan");
	if (sv_has(f, "attrs.master"))
		sj_dev(s, b, &first, "master", sv_u(f, "attrs.master", 0));
	sj_copy(b, &first, "family", f, "ndmsg.family");
	sj_copy(b, &first, "state", f, "ndmsg.state");
	sj_copy(b, &first, "flags", f, "ndmsg.flags");
	sbuf_putc(b, '}');
}

static void neigh_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	if (st_val(b, f, "attrs.dst"))
		sbuf_putc(b, ' ');
	else if (st_val(b, f, "attrs.lladdr"))
		sbuf_putc(b, ' ');
	sbuf_puts(b, "dev ");
	st_dev(s, b, sv_u(f, "ndmsg.ifindex", 0));
	if (sv_has(f, "attrs.dst") && sv_has(f, "attrs.lladdr")) {
		sbuf_puts(b, " lladdr ");
		st_val(b, f, "attrs.lladdr");
	}
	if (sv_has(f, "attrs.vlan"))
		sbuf_printf(b, " vlan %llu", (unsigned long long)sv_u(f, "attrs.vlan", 0));
	st_labdev(s, b, f, " master ", "attrs.master");
	sbuf_putc(b, ' ');
	st_val(b, f, "ndmsg.family");
	size_t n;
	const char *v = sv_get(f, "ndmsg.state", &n, NULL);
	/* ["REACHABLE","..."] as words */
	for (size_t i = 0; v && i < n; i++)
		if (v[i] != '[' && v[i] != ']' && v[i] != '"')
			sbuf_putc(b, v[i] == ',' ? ' ' : v[i]);
		else if (v[i] == '[' && n > 2)
			sbuf_putc(b, ' ');
	sbuf_putc(b, '\n');
}

static void rule_json(const struct state_view *s, struct sbuf *b, const char *f)
{
	bool first = true;

	(void)s;
	sbuf_putc(b, '{');
	sj_copy(b, &first, "priority", f, "attrs.priority");
	sj_copy(b, &first, "family", f, "fib_rule_hdr.family");
	if (!sj_copy(b, &first, "src", f, "attrs.src"))
		sj_str(b, &first, "src", "all");
	else
		sj_copy(b, &first, "srclen", f, "fib_rule_hdr.src_len");
	if (sj_copy(b, &first, "dst", f, "attrs.dst"))
		sj_copy(b, &first, "dstlen", f, "fib_rule_hdr.dst_len");
	sj_copy(b, &first, "iif", f, "attrs.iifname");
	sj_copy(b, &first, "oif", f, "attrs.oifname");
	sj_copy(b, &first, "fwmark", f, "attrs.fwmark");
	if (sv_has(f, "attrs.l3mdev")) {
		sj_key(b, &first, "l3mdev");
		sbuf_puts(b, "true");
	}
	if (!sj_copy(b, &first, "table", f, "attrs.table"))
		sj_copy(b, &first, "table", f, "fib_rule_hdr.table");
	sj_copy(b, &first, "action", f, "fib_rule_hdr.action");
	sj_copy(b, &first, "protocol", f, "attrs.protocol");
	sbuf_putc(b, '}');
}

static void rule_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	(void)s;
	sbuf_printf(b, "%llu:\tfrom ", (unsigned long long)sv_u(f, "attrs.priority", 0));
	if (st_val(b, f, "attrs.src"))
		sbuf_printf(b, "/%llu", (unsigned long long)sv_u(f, "fib_rule_hdr.src_len", 0));
	else
		sbuf_puts(b, "all");
	if (sv_has(f, "attrs.dst")) {
		sbuf_puts(b, " to ");
		st_val(b, f, "attrs.dst");
		sbuf_printf(b, "/%llu", (unsigned long long)sv_u(f, "fib_rule_hdr.dst_len", 0));
	}
	if (sv_has(f, "attrs.fwmark"))
		sbuf_printf(b, " fwmark %#llx", (unsigned long long)sv_u(f, "attrs.fwmark", 0));
	st_lab(b, f, " iif ", "attrs.iifname");
	st_lab(b, f, " oif ", "attrs.oifname");
	if (sv_has(f, "attrs.l3mdev"))
		sbuf_puts(b, " lookup [l3mdev-table]");
	else if (sv_has(f, "attrs.table") || sv_has(f, "fib_rule_hdr.table")) {
		sbuf_puts(b, " lookup ");
		if (!st_val(b, f, "attrs.table"))
			st_val(b, f, "fib_rule_hdr.table");
	}
	st_lab(b, f, " proto ", "attrs.protocol");
	sbuf_putc(b, '\n');
}

static void nexthop_json(const struct state_view *s, struct sbuf *b, const char *f)
{
	bool first = true;

	sbuf_putc(b, '{');
	sj_copy(b, &first, "id", f, "attrs.id");
	sj_copy(b, &first, "gateway", f, "attrs.gateway");
	if (sv_has(f, "attrs.oif"))
		sj_dev(s, b, &first, "dev", sv_u(f, "attrs.oif", 0));
	if (sv_has(f, "attrs.blackhole")) {
		sj_key(b, &first, "blackhole");
		sbuf_puts(b, "true");
	}
	sj_copy(b, &first, "scope", f, "nhmsg.scope");
	sj_copy(b, &first, "protocol", f, "nhmsg.protocol");
	sj_copy(b, &first, "flags", f, "nhmsg.flags");
	sbuf_putc(b, '}');
}

static void nexthop_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	sbuf_printf(b, "id %llu", (unsigned long long)sv_u(f, "attrs.id", 0));
	if (sv_has(f, "attrs.group.id")) {
		sbuf_puts(b, " group ");
		size_t n;
		uint64_t u;
		bool one = true;
		for (const char *v = sv_get(f, "attrs.group.id", &n, &u); v;
		     v = sv_get(sv_after(v), "attrs.group.id", &n, &u)) {
			sbuf_printf(b, "%s%llu", one ? "" : "/", (unsigned long long)u);
			one = false;
		}
	}
	st_lab(b, f, " via ", "attrs.gateway");
	st_labdev(s, b, f, " dev ", "attrs.oif");
	if (sv_has(f, "attrs.blackhole"))
		sbuf_puts(b, " blackhole");
	if (!sv_has(f, "attrs.group.id") && !sv_has(f, "attrs.blackhole")) {
		sbuf_puts(b, " scope ");
		st_val(b, f, "nhmsg.scope");
	}
	sbuf_putc(b, '\n');
}

/* Every field under attrs (and the OVS header) as JSON members named by
 * their path below attrs: the objects of the families whose tools have
 * no JSON (a repeated path keeps its first value). */
static void attrs_json(struct sbuf *b, bool *first, const char *f)
{
	for (const char *l = f; l && *l;) {
		const char *tab = strchr(l, '\t'), *nl = strchr(l, '\n');
		if (!tab || !nl || tab > nl)
			break;
		size_t pl = (size_t)(tab - l);
		const char *v = strchr(tab + 1, '\t');
		if (pl > 6 && !strncmp(l, "attrs.", 6) && v && v < nl) {
			/* only the first of a repeated path */
			char path[160];
			snprintf(path, sizeof(path), "%.*s", (int)pl, l);
			if (sv_get(f, path, NULL, NULL) == v + 1) {
				sj_key(b, first, path + 6);
				sbuf_put(b, v + 1, (size_t)(nl - v - 1));
			}
		}
		l = nl + 1;
	}
}

static void genl_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	uint64_t u;

	(void)s;
	sbuf_puts(b, "Name: ");
	st_val(b, f, "attrs.family_name");
	sbuf_printf(b, "\n\tID: 0x%llx  Version: 0x%llx  header size: %llu  max attribs: %llu\n",
		    (unsigned long long)sv_u(f, "attrs.family_id", 0),
		    (unsigned long long)sv_u(f, "attrs.version", 0),
		    (unsigned long long)sv_u(f, "attrs.hdrsize", 0),
		    (unsigned long long)sv_u(f, "attrs.maxattr", 0));
	if (sv_has(f, "attrs.ops.id")) {
		unsigned n = 0;
		for (const char *v = sv_get(f, "attrs.ops.id", NULL, &u); v;
		     v = sv_get(sv_after(v), "attrs.ops.id", NULL, &u))
			n++;
		sbuf_printf(b, "\tcommands supported: %u\n", n);
	}
	if (sv_has(f, "attrs.mcast_groups.name")) {
		sbuf_puts(b, "\tmulticast groups:\n");
		size_t n, n2;
		const char *id = sv_get(f, "attrs.mcast_groups.id", &n2, &u);
		for (const char *v = sv_get(f, "attrs.mcast_groups.name", &n, NULL); v;
		     v = sv_get(sv_after(v), "attrs.mcast_groups.name", &n, NULL)) {
			sbuf_printf(b, "\t\t#%llu:  Name: ", id ? (unsigned long long)u : 0ULL);
			sv_put_unquoted(b, v, n);
			sbuf_putc(b, '\n');
			if (id)
				id = sv_get(sv_after(id), "attrs.mcast_groups.id", &n2, &u);
		}
	}
}

static void flow_json(const struct state_view *s, struct sbuf *b, const char *f)
{
	bool first = true;
	struct sbuf t = { 0 };

	(void)s;
	sv_text_flow(&t, f);	/* ovs-dpctl's words: the attributes repeat */
	t.p[--t.len] = 0;
	sbuf_putc(b, '{');
	sj_copy(b, &first, "dp_ifindex", f, "ovs_header.dp_ifindex");
	sj_key(b, &first, "flow");
	emit_json_string(b, (const uint8_t *)t.p, t.len, false);
	sbuf_putc(b, '}');
	sbuf_free(&t);
}

/* A datapath, a port, a family: the attributes by name (and a port's
 * datapath) */
static void attrs_obj_json(const struct state_view *s, struct sbuf *b, const char *f)
{
	bool first = true;

	(void)s;
	sbuf_putc(b, '{');
	sj_copy(b, &first, "dp_ifindex", f, "ovs_header.dp_ifindex");
	attrs_json(b, &first, f);
	sbuf_putc(b, '}');
}

static void flow_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	(void)s;
	sv_text_flow(b, f);
}

static void dp_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	(void)s;
	sbuf_puts(b, "system@");
	st_val(b, f, "attrs.name");
	sbuf_puts(b, ":\n");
}

static void vport_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	size_t n;
	const char *t = sv_get(f, "attrs.type", &n, NULL);

	(void)s;
	sbuf_printf(b, "  port %llu: ", (unsigned long long)sv_u(f, "attrs.port_no", 0));
	st_val(b, f, "attrs.name");
	if (t && (n != 8 || strncmp(t, "\"netdev\"", 8))) {
		sbuf_puts(b, " (");
		sv_put_unquoted(b, t, n);
		sbuf_putc(b, ')');
	}
	sbuf_putc(b, '\n');
}

const struct sv_render sv_renders[SVC_N] = {
	[SVC_LINK] = { sv_link_json, sv_link_text },
	[SVC_ADDR] = { sv_addr_json, sv_addr_text },
	[SVC_ROUTE] = { sv_route_json, sv_route_text },
	[SVC_NEIGH] = { neigh_json, neigh_text },
	[SVC_RULE] = { rule_json, rule_text },
	[SVC_NEXTHOP] = { nexthop_json, nexthop_text },
	[SVC_QDISC] = { qdisc_json, qdisc_text },
	[SVC_OVS_DP] = { attrs_obj_json, dp_text },
	[SVC_OVS_VPORT] = { attrs_obj_json, vport_text },
	[SVC_OVS_FLOW] = { flow_json, flow_text },
	[SVC_GENL] = { attrs_obj_json, genl_text },
};
