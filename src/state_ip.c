/* state_ip.c - --state: links, addresses and routes in ip's words
 * (`ip link`, `ip addr`, `ip route`) and in its -j shapes (`ip -j link`
 * objects, `ip -j addr` with addr_info, `ip -j route`).  Facts of ip's
 * output carried over: which members it writes, their names, when it
 * leaves one out (a route's table main, protocol boot, scope global).
 */
#include <stdlib.h>
#include <string.h>

#include "state_ip.h"

/* ---- small JSON writers ---- */

void sj_key(struct sbuf *b, bool *first, const char *key)
{
	if (!*first)
		sbuf_putc(b, ',');
	*first = false;
	sbuf_putc(b, '"');
	sbuf_puts(b, key);
	sbuf_puts(b, "\":");
}

/* Member key with the value of path as it is stored; false when absent. */
bool sj_copy(struct sbuf *b, bool *first, const char *key, const char *f, const char *path)
{
	size_t n;
	const char *v = sv_get(f, path, &n, NULL);

	if (!v)
		return false;
	sj_key(b, first, key);
	sbuf_put(b, v, n);
	return true;
}

void sj_str(struct sbuf *b, bool *first, const char *key, const char *s)
{
	sj_key(b, first, key);
	emit_json_string(b, (const uint8_t *)s, strlen(s), false);
}

void sj_u64(struct sbuf *b, bool *first, const char *key, uint64_t v)
{
	sj_key(b, first, key);
	sbuf_u64(b, v);
}

/* A device by index: its name as a JSON string, or the number. */
void sj_dev(const struct state_view *s, struct sbuf *b, bool *first, const char *key,
	    uint64_t ifindex)
{
	size_t n;
	const char *nm = sv_ifname(s, ifindex, &n);

	sj_key(b, first, key);
	if (nm)
		sbuf_put(b, nm, n);
	else
		sbuf_printf(b, "\"if%llu\"", (unsigned long long)ifindex);
}

/* The text of a stored value: a string without its quotes. */
bool st_val(struct sbuf *b, const char *f, const char *path)
{
	size_t n;
	const char *v = sv_get(f, path, &n, NULL);

	if (!v)
		return false;
	sv_put_unquoted(b, v, n);
	return true;
}

bool st_lab(struct sbuf *b, const char *f, const char *label, const char *path)
{
	if (!sv_has(f, path))
		return false;
	sbuf_puts(b, label);
	return st_val(b, f, path);
}

bool st_labdev(const struct state_view *s, struct sbuf *b, const char *f, const char *label,
	       const char *path)
{
	uint64_t u;

	if (!sv_get(f, path, NULL, &u))
		return false;
	sbuf_puts(b, label);
	st_dev(s, b, u);
	return true;
}

void st_dev(const struct state_view *s, struct sbuf *b, uint64_t ifindex)
{
	size_t n;
	const char *nm = sv_ifname(s, ifindex, &n);

	if (nm)
		sv_put_unquoted(b, nm, n);
	else
		sbuf_printf(b, "if%llu", (unsigned long long)ifindex);
}

/* ---- links ---- */

/* net_device_flags (uapi linux/if.h), in the order ip writes them */
static const struct { uint32_t bit; const char *name; } link_flags[] = {
	{ 0x8, "LOOPBACK" }, { 0x2, "BROADCAST" }, { 0x10, "POINTOPOINT" },
	{ 0x1000, "MULTICAST" }, { 0x80, "NOARP" }, { 0x200, "ALLMULTI" },
	{ 0x100, "PROMISC" }, { 0x400, "MASTER" }, { 0x800, "SLAVE" }, { 0x4, "DEBUG" },
	{ 0x8000, "DYNAMIC" }, { 0x4000, "AUTOMEDIA" }, { 0x2000, "PORTSEL" },
	{ 0x20, "NOTRAILERS" }, { 0x1, "UP" }, { 0x10000, "LOWER_UP" }, { 0x20000, "DORMANT" },
	{ 0x40000, "ECHO" },
};

/* mdown: the link's lower device (IFLA_LINK) is known and not up */
static void link_flag_list(struct sbuf *b, uint64_t fl, bool mdown, bool json)
{
	bool first = true;

	if ((fl & 0x1) && !(fl & 0x40)) {	/* up, not running */
		sbuf_puts(b, json ? "\"NO-CARRIER\"" : "NO-CARRIER");
		first = false;
	}
	for (size_t i = 0; i < sizeof(link_flags) / sizeof(link_flags[0]); i++) {
		if (!(fl & link_flags[i].bit))
			continue;
		if (!first)
			sbuf_putc(b, ',');
		first = false;
		if (json)
			sbuf_printf(b, "\"%s\"", link_flags[i].name);
		else
			sbuf_puts(b, link_flags[i].name);
	}
	if (mdown)
		sbuf_puts(b, first ? "" : ",");
	if (mdown)
		sbuf_puts(b, json ? "\"M-DOWN\"" : "M-DOWN");
}

static bool lower_down(const struct state_view *s, const char *f)
{
	uint64_t u, idx = sv_u(f, "ifinfomsg.index", 0);

	if (!sv_get(f, "attrs.link", NULL, &u) || !u || u == idx || sv_has(f, "attrs.link_netnsid"))
		return false;
	const char *lf = sv_link(s, u);
	return lf && !(sv_u(lf, "ifinfomsg.flags", 0) & 0x1);
}

/* A link-layer address as ip writes it for the link's type: IPv4 for
 * the IPv4 tunnels, IPv6 for the IPv6 ones, else colon-separated hex. */
static void lladdr(struct sbuf *b, const char *f, const char *path, bool json)
{
	size_t n;
	const char *v = sv_get(f, path, &n, NULL);
	uint8_t raw[32];
	size_t rl = 0;

	if (!v)
		return;
	/* "xx:xx:..." back to bytes */
	for (size_t i = 1; i + 1 < n && rl < sizeof(raw); i += 3) {
		unsigned x;
		if (sscanf(v + i, "%2x", &x) != 1)
			break;
		raw[rl++] = (uint8_t)x;
	}
	size_t tn;
	const char *t = sv_get(f, "ifinfomsg.type", &tn, NULL);
	bool v4 = t && rl == 4 && (!strncmp(t, "\"gre\"", tn) || !strncmp(t, "\"ipip\"", tn) ||
				   !strncmp(t, "\"sit\"", tn));
	bool v6 = t && rl == 16 && (!strncmp(t, "\"tunnel6\"", tn) || !strncmp(t, "\"ip6gre\"", tn));
	if (json)
		sbuf_putc(b, '"');
	if (v4)
		sbuf_ipv4(b, raw);
	else if (v6)
		sbuf_ipv6(b, raw);
	else
		sv_put_unquoted(b, v, n);
	if (json)
		sbuf_putc(b, '"');
}

/* The members of an `ip -j link` object (without the braces). */
static void link_members(const struct state_view *s, struct sbuf *b, bool *first, const char *f)
{
	uint64_t idx = sv_u(f, "ifinfomsg.index", 0), u;

	sj_u64(b, first, "ifindex", idx);
	if (sv_get(f, "attrs.link", NULL, &u) && u != idx) {
		if (!u) {
			sj_key(b, first, "link");
			sbuf_puts(b, "null");
		} else if (sv_ifname(s, u, NULL) && !sv_has(f, "attrs.link_netnsid")) {
			sj_dev(s, b, first, "link", u);
		} else {
			sj_u64(b, first, "link_index", u);
		}
	}
	sj_copy(b, first, "ifname", f, "attrs.ifname");
	sj_key(b, first, "flags");
	sbuf_putc(b, '[');
	link_flag_list(b, sv_u(f, "ifinfomsg.flags", 0), lower_down(s, f), true);
	sbuf_putc(b, ']');
	sj_copy(b, first, "mtu", f, "attrs.mtu");
	sj_copy(b, first, "qdisc", f, "attrs.qdisc");
	if (sv_get(f, "attrs.master", NULL, &u))
		sj_dev(s, b, first, "master", u);
	sj_copy(b, first, "operstate", f, "attrs.operstate");
	sj_copy(b, first, "linkmode", f, "attrs.linkmode");
	if (sv_get(f, "attrs.group", NULL, &u)) {
		sj_key(b, first, "group");
		if (u)
			sbuf_printf(b, "\"%llu\"", (unsigned long long)u);
		else
			sbuf_puts(b, "\"default\"");
	}
	sj_copy(b, first, "txqlen", f, "attrs.txqlen");
	sj_copy(b, first, "link_type", f, "ifinfomsg.type");
	if (sv_has(f, "attrs.address")) {
		sj_key(b, first, "address");
		lladdr(b, f, "attrs.address", true);
	}
	if (sv_has(f, "attrs.broadcast")) {
		sj_key(b, first, "broadcast");
		lladdr(b, f, "attrs.broadcast", true);
	}
	if (sv_has(f, "attrs.perm_address")) {
		sj_key(b, first, "permaddr");
		lladdr(b, f, "attrs.perm_address", true);
	}
	sj_copy(b, first, "ifalias", f, "attrs.ifalias");
	if (sv_has(f, "attrs.prop_list.alt_ifname")) {
		sj_key(b, first, "altnames");
		sbuf_putc(b, '[');
		size_t n;
		bool one = true;
		for (const char *v = sv_get(f, "attrs.prop_list.alt_ifname", &n, NULL); v;
		     v = sv_get(sv_after(v), "attrs.prop_list.alt_ifname", &n, NULL)) {
			if (!one)
				sbuf_putc(b, ',');
			one = false;
			sbuf_put(b, v, n);
		}
		sbuf_putc(b, ']');
	}
	if (sv_has(f, "attrs.linkinfo.kind")) {
		sj_key(b, first, "linkinfo");
		bool f2 = true;
		sbuf_putc(b, '{');
		sj_copy(b, &f2, "info_kind", f, "attrs.linkinfo.kind");
		sbuf_putc(b, '}');
	}
}

void sv_link_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	uint64_t idx = sv_u(f, "ifinfomsg.index", 0), u;

	sbuf_printf(b, "%llu: ", (unsigned long long)idx);
	st_val(b, f, "attrs.ifname");
	if (sv_get(f, "attrs.link", NULL, &u) && u != idx) {
		sbuf_putc(b, '@');
		if (!u)
			sbuf_puts(b, "NONE");
		else
			st_dev(s, b, u);
	}
	sbuf_puts(b, ": <");
	link_flag_list(b, sv_u(f, "ifinfomsg.flags", 0), lower_down(s, f), false);
	sbuf_putc(b, '>');
	st_lab(b, f, " mtu ", "attrs.mtu");
	st_lab(b, f, " qdisc ", "attrs.qdisc");
	st_labdev(s, b, f, " master ", "attrs.master");
	st_lab(b, f, " state ", "attrs.operstate");
	st_lab(b, f, " mode ", "attrs.linkmode");
	if (sv_get(f, "attrs.group", NULL, &u)) {
		if (u)
			sbuf_printf(b, " group %llu", (unsigned long long)u);
		else
			sbuf_puts(b, " group default");
	}
	st_lab(b, f, " qlen ", "attrs.txqlen");
	sbuf_puts(b, "\n    link/");
	st_val(b, f, "ifinfomsg.type");
	if (sv_has(f, "attrs.address")) {
		sbuf_putc(b, ' ');
		lladdr(b, f, "attrs.address", false);
	}
	if (sv_has(f, "attrs.broadcast")) {
		sbuf_puts(b, " brd ");
		lladdr(b, f, "attrs.broadcast", false);
	}
	if (sv_has(f, "attrs.perm_address")) {
		sbuf_puts(b, " permaddr ");
		lladdr(b, f, "attrs.perm_address", false);
	}
	st_lab(b, f, " kind ", "attrs.linkinfo.kind");
	sbuf_putc(b, '\n');
	if (sv_has(f, "attrs.ifalias")) {
		sbuf_puts(b, "    alias ");
		st_val(b, f, "attrs.ifalias");
		sbuf_putc(b, '\n');
	}
	size_t n;
	for (const char *v = sv_get(f, "attrs.prop_list.alt_ifname", &n, NULL); v;
	     v = sv_get(sv_after(v), "attrs.prop_list.alt_ifname", &n, NULL)) {
		sbuf_puts(b, "    altname ");
		sv_put_unquoted(b, v, n);
		sbuf_putc(b, '\n');
	}
}

/* ---- addresses ---- */

/* IFA_F_* (uapi linux/if_addr.h) as ip names them; "dynamic" is the
 * absence of IFA_F_PERMANENT, secondary is "temporary" in IPv6. */
static const struct { uint32_t bit; const char *name; } addr_flags[] = {
	{ 0x01, "secondary" }, { 0x40, "tentative" }, { 0x20, "deprecated" },
	{ 0x10, "home" }, { 0x02, "nodad" }, { 0x04, "optimistic" }, { 0x08, "dadfailed" },
	{ 0x200, "noprefixroute" }, { 0x400, "autojoin" }, { 0x100, "mngtmpaddr" },
	{ 0x800, "stable-privacy" },
};

static bool is_v6(const char *f, const char *path)
{
	size_t n;
	const char *v = sv_get(f, path, &n, NULL);

	return v && n == 7 && !strncmp(v, "\"inet6\"", 7);
}

/* The local address: IFA_LOCAL, else IFA_ADDRESS (IPv6 has only that). */
static const char *addr_local(const char *f)
{
	return sv_has(f, "attrs.local") ? "attrs.local" : "attrs.address";
}

static bool addr_peer(const char *f)
{
	size_t n1, n2;
	const char *l = sv_get(f, "attrs.local", &n1, NULL);
	const char *a = sv_get(f, "attrs.address", &n2, NULL);

	return l && a && (n1 != n2 || strncmp(l, a, n1));
}

static uint64_t addr_flagword(const char *f)
{
	return sv_u(f, "attrs.flags", sv_u(f, "ifaddrmsg.flags", 0));
}

static void lifetime_text(struct sbuf *b, const char *f, const char *path)
{
	uint64_t u = sv_u(f, path, 0xffffffff);

	if (u == 0xffffffff)
		sbuf_puts(b, "forever");
	else
		sbuf_printf(b, "%llusec", (unsigned long long)u);
}

void sv_addr_json(const struct state_view *s, struct sbuf *b, const char *f)
{
	bool first = true, v6 = is_v6(f, "ifaddrmsg.family");
	uint64_t fl = addr_flagword(f);

	(void)s;
	sbuf_putc(b, '{');
	sj_copy(b, &first, "family", f, "ifaddrmsg.family");
	sj_copy(b, &first, "local", f, addr_local(f));
	if (addr_peer(f))
		sj_copy(b, &first, "address", f, "attrs.address");
	sj_copy(b, &first, "prefixlen", f, "ifaddrmsg.prefixlen");
	sj_copy(b, &first, "broadcast", f, "attrs.broadcast");
	sj_copy(b, &first, "scope", f, "ifaddrmsg.scope");
	if (!(fl & 0x80)) {
		sj_key(b, &first, "dynamic");
		sbuf_puts(b, "true");
	}
	for (size_t i = 0; i < sizeof(addr_flags) / sizeof(addr_flags[0]); i++) {
		if (!(fl & addr_flags[i].bit))
			continue;
		sj_key(b, &first, v6 && addr_flags[i].bit == 1 ? "temporary" : addr_flags[i].name);
		sbuf_puts(b, "true");
	}
	sj_copy(b, &first, "label", f, "attrs.label");
	if (sv_has(f, "attrs.cacheinfo.valid")) {
		sj_copy(b, &first, "valid_life_time", f, "attrs.cacheinfo.valid");
		sj_copy(b, &first, "preferred_life_time", f, "attrs.cacheinfo.prefered");
	}
	sbuf_putc(b, '}');
}

void sv_json_addr_link(const struct state_view *s, struct sbuf *b, uint64_t ifindex,
		       const char *link_fields)
{
	bool first = true;

	if (link_fields) {
		link_members(s, b, &first, link_fields);
	} else {
		sj_u64(b, &first, "ifindex", ifindex);
	}
	sj_key(b, &first, "addr_info");
}

void sv_addr_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	uint64_t idx = sv_u(f, "ifaddrmsg.index", 0), fl = addr_flagword(f);
	bool v6 = is_v6(f, "ifaddrmsg.family");

	sbuf_printf(b, "%llu: ", (unsigned long long)idx);
	st_dev(s, b, idx);
	sbuf_puts(b, v6 ? "    inet6 " : "    inet ");
	st_val(b, f, addr_local(f));
	if (addr_peer(f)) {
		sbuf_puts(b, " peer ");
		st_val(b, f, "attrs.address");
	}
	sbuf_printf(b, "/%llu", (unsigned long long)sv_u(f, "ifaddrmsg.prefixlen", 0));
	st_lab(b, f, " brd ", "attrs.broadcast");
	sbuf_puts(b, " scope ");
	st_val(b, f, "ifaddrmsg.scope");
	if (!(fl & 0x80))
		sbuf_puts(b, " dynamic");
	for (size_t i = 0; i < sizeof(addr_flags) / sizeof(addr_flags[0]); i++)
		if (fl & addr_flags[i].bit)
			sbuf_printf(b, " %s", v6 && addr_flags[i].bit == 1 ? "temporary"
								 : addr_flags[i].name);
	if (sv_has(f, "attrs.label")) {
		sbuf_putc(b, ' ');
		st_val(b, f, "attrs.label");
	}
	sbuf_puts(b, "\\       valid_lft ");
	lifetime_text(b, f, "attrs.cacheinfo.valid");
	sbuf_puts(b, " preferred_lft ");
	lifetime_text(b, f, "attrs.cacheinfo.prefered");
	sbuf_putc(b, '\n');
}

/* ---- routes ---- */

/* The table of a route: RTA_TABLE, else the header's. */
static const char *route_table(const char *f)
{
	return sv_has(f, "attrs.table") ? "attrs.table" : "rtmsg.table";
}

/* A value that ip leaves out: field path equal to its default name. */
static bool is_word(const char *f, const char *path, const char *word)
{
	size_t n;
	const char *v = sv_get(f, path, &n, NULL);

	return v && n == strlen(word) + 2 && !strncmp(v + 1, word, n - 2);
}

static void route_dst(struct sbuf *b, const char *f, bool json)
{
	uint64_t len = sv_u(f, "rtmsg.dst_len", 0);
	bool v6 = is_v6(f, "rtmsg.family");

	if (json)
		sbuf_putc(b, '"');
	if (!len && !sv_has(f, "attrs.dst"))
		sbuf_puts(b, "default");
	else
		st_val(b, f, "attrs.dst");
	if (len && len != (v6 ? 128u : 32u))
		sbuf_printf(b, "/%llu", (unsigned long long)len);
	if (json)
		sbuf_putc(b, '"');
}

void sv_route_json(const struct state_view *s, struct sbuf *b, const char *f)
{
	bool first = true;
	uint64_t u;

	sbuf_putc(b, '{');
	if (!is_word(f, "rtmsg.type", "unicast"))
		sj_copy(b, &first, "type", f, "rtmsg.type");
	sj_key(b, &first, "dst");
	route_dst(b, f, true);
	sj_copy(b, &first, "nhid", f, "attrs.nh_id");
	sj_copy(b, &first, "gateway", f, "attrs.gateway");
	if (sv_get(f, "attrs.oif", NULL, &u))
		sj_dev(s, b, &first, "dev", u);
	if (!is_word(f, route_table(f), "main")) {
		size_t n;
		const char *v = sv_get(f, route_table(f), &n, NULL);
		sj_key(b, &first, "table");
		if (v && v[0] == '"')
			sbuf_put(b, v, n);
		else
			sbuf_printf(b, "\"%.*s\"", (int)n, v ? v : "");
	}
	if (!is_word(f, "rtmsg.protocol", "boot"))
		sj_copy(b, &first, "protocol", f, "rtmsg.protocol");
	if (!is_word(f, "rtmsg.scope", "global"))
		sj_copy(b, &first, "scope", f, "rtmsg.scope");
	sj_copy(b, &first, "prefsrc", f, "attrs.prefsrc");
	sj_copy(b, &first, "metric", f, "attrs.priority");
	sj_copy(b, &first, "flags", f, "rtmsg.flags");
	sj_copy(b, &first, "pref", f, "attrs.pref");
	sbuf_putc(b, '}');
}

void sv_route_text(const struct state_view *s, struct sbuf *b, const char *f)
{
	if (!is_word(f, "rtmsg.type", "unicast")) {
		st_val(b, f, "rtmsg.type");
		sbuf_putc(b, ' ');
	}
	route_dst(b, f, false);
	st_lab(b, f, " nhid ", "attrs.nh_id");
	st_lab(b, f, " via ", "attrs.gateway");
	st_labdev(s, b, f, " dev ", "attrs.oif");
	if (!is_word(f, route_table(f), "main"))
		st_lab(b, f, " table ", route_table(f));
	if (!is_word(f, "rtmsg.protocol", "boot"))
		st_lab(b, f, " proto ", "rtmsg.protocol");
	if (!is_word(f, "rtmsg.scope", "global"))
		st_lab(b, f, " scope ", "rtmsg.scope");
	st_lab(b, f, " src ", "attrs.prefsrc");
	st_lab(b, f, " metric ", "attrs.priority");
	st_lab(b, f, " pref ", "attrs.pref");
	sbuf_putc(b, '\n');
}

/* ---- the renderers of the classes (state_misc.c's table) ---- */

void sv_link_json(const struct state_view *s, struct sbuf *b, const char *f)
{
	bool first = true;

	sbuf_putc(b, '{');
	link_members(s, b, &first, f);
	sbuf_putc(b, '}');
}
