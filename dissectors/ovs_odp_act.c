/* ovs_odp_act.c - ODP flow text, the actions: OVS_ACTION_ATTR_* in the
 * syntax that ovs-dpctl dump-flows prints (the keys are in ovs_odp.c).
 * The attributes inside an action are looked up by the names the action
 * policies of ovs_common.c give them.  Reads go through struct nlc.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ovs_odp.h"

/* the policy entry a set gives name (the sets' names are constants) */
static const struct nl_attr_pol *odp_pol(const struct nl_attr_set *set, const char *name)
{
	for (unsigned t = 0; t <= set->max; t++)
		if (set->attrs[t].name && !strcmp(set->attrs[t].name, name))
			return &set->attrs[t];
	return NULL;
}

/* ---- actions ---- */

static void fmt_actions(struct nlstate *st, struct sbuf *b, const struct nlc *acts, int depth);

static void fmt_nested_actions(struct nlstate *st, struct sbuf *b,
			       const struct odp_attrs *g, const char *name, int depth)
{
	struct nlc a;

	if (odp_get(g, name, &a))
		fmt_actions(st, b, &a, depth + 1);
	else
		sbuf_puts(b, "drop");
}

static void fmt_nat(struct sbuf *b, const struct nl_attr_set *set, const struct nlc *pl)
{
	struct odp_attrs g;
	struct nlc a;
	uint8_t lo[16], hi[16];
	size_t nlo = 0, nhi = 0;
	uint32_t pmin = 0, pmax = 0;
	odp_gather(&g, set, pl);
	bool src = odp_get(&g, "src", &a), dst = odp_get(&g, "dst", &a);

	sbuf_puts(b, "nat");
	if (!src && !dst)
		return;
	sbuf_puts(b, src ? "(src" : "(dst");
	if (odp_get(&g, "ip_min", &a))
		nlo = odp_take(&a, lo, 16);
	if (odp_get(&g, "ip_max", &a))
		nhi = odp_take(&a, hi, 16);
	if (odp_get(&g, "proto_min", &a) && nlc_left(&a) == 2)
		pmin = nlc_u16(&a);
	if (odp_get(&g, "proto_max", &a) && nlc_left(&a) == 2)
		pmax = nlc_u16(&a);
	bool v6 = nlo == 16;
	if (nlo == 4 || nlo == 16) {
		sbuf_putc(b, '=');
		if (v6 && pmin)
			sbuf_putc(b, '[');
		v6 ? sbuf_ipv6(b, lo) : sbuf_ipv4(b, lo);
		if (v6 && pmin)
			sbuf_putc(b, ']');
		if (nhi == nlo && memcmp(lo, hi, nlo)) {
			sbuf_putc(b, '-');
			if (v6 && pmin)
				sbuf_putc(b, '[');
			v6 ? sbuf_ipv6(b, hi) : sbuf_ipv4(b, hi);
			if (v6 && pmin)
				sbuf_putc(b, ']');
		}
		if (pmin) {
			sbuf_printf(b, ":%u", pmin);
			if (pmax && pmax != pmin)
				sbuf_printf(b, "-%u", pmax);
		}
	}
	if (odp_get(&g, "persistent", &a))
		sbuf_puts(b, ",persistent");
	if (odp_get(&g, "proto_hash", &a))
		sbuf_puts(b, ",hash");
	if (odp_get(&g, "proto_random", &a))
		sbuf_puts(b, ",random");
	sbuf_putc(b, ')');
}

static void fmt_ct(struct sbuf *b, const struct nl_attr_set *set, const struct nlc *pl)
{
	struct odp_attrs g;
	struct nlc a;
	bool first = true;
	uint8_t v[32];
	size_t mark;

	odp_gather(&g, set, pl);
	sbuf_puts(b, "ct(");
	mark = b->len;
	if (odp_get(&g, "commit", &a)) {
		odp_sep(b, &first);
		sbuf_puts(b, "commit");
	}
	if (odp_get(&g, "force_commit", &a)) {
		odp_sep(b, &first);
		sbuf_puts(b, "force_commit");
	}
	if (odp_get(&g, "zone", &a) && nlc_left(&a) == 2) {
		odp_sep(b, &first);
		sbuf_printf(b, "zone=%u", nlc_u16(&a));
	}
	if (odp_get(&g, "mark", &a) && odp_take(&a, v, 8) == 8) {
		uint32_t val = (uint32_t)odp_le(v, 4), msk = (uint32_t)odp_le(v + 4, 4);
		odp_sep(b, &first);
		sbuf_printf(b, "mark=%#x", val);
		if (msk != UINT32_MAX)
			sbuf_printf(b, "/%#x", msk);
	}
	if (odp_get(&g, "labels", &a) && odp_take(&a, v, 32) == 32) {
		uint8_t bv[16], bm[16];
		for (int i = 0; i < 16; i++) {
			bv[i] = v[15 - i];
			bm[i] = v[31 - i];
		}
		odp_sep(b, &first);
		sbuf_puts(b, "label=");
		odp_hexnum(b, bv, 16);
		if (!odp_all_eq(bm, 16, 0xff)) {
			sbuf_putc(b, '/');
			odp_hexnum(b, bm, 16);
		}
	}
	const uint8_t *s;
	size_t sn;
	if (odp_get_str(&g, "helper", &s, &sn)) {
		odp_sep(b, &first);
		sbuf_puts(b, "helper=");
		sbuf_escape(b, s, sn, 0);
	}
	if (odp_get_str(&g, "timeout", &s, &sn)) {
		odp_sep(b, &first);
		sbuf_puts(b, "timeout=");
		sbuf_escape(b, s, sn, 0);
	}
	if (odp_get(&g, "nat", &a)) {
		odp_sep(b, &first);
		fmt_nat(b, odp_pol(set, "nat")->nest, &a);
	}
	if (b->len == mark) {
		b->len = mark - 1;	/* plain "ct" */
		b->p[b->len] = 0;
		return;
	}
	sbuf_putc(b, ')');
}

static void fmt_action(struct nlstate *st,
		       struct sbuf *b, uint16_t t, const struct nlc *pl, int depth)
{
	const struct nl_attr_pol *pol = t <= ovs_action_set.max ? &ovs_action_set.attrs[t] : NULL;
	unsigned style = pol && pol->name && t < ovs_action_odp_count ? ovs_action_odp[t] : ODPA_RAW;
	uint8_t v[64];
	size_t n = odp_take(pl, v, sizeof(v));
	struct odp_attrs g;	/* a nested action's attributes, by name */
	struct nlc a;

	switch (style) {
	case ODPA_NAME:
		sbuf_puts(b, pol->name);
		return;
	case ODPA_DEC:
	case ODPA_HEX:
		if (n == 4) {
			sbuf_printf(b, style == ODPA_DEC ? "%s(%u)" : "%s(%#x)", pol->name,
				    (unsigned)odp_le(v, 4));
			return;
		}
		break;
	case ODPA_OUTPUT:
		if (n == 4) {
			sbuf_printf(b, "%u", (unsigned)odp_le(v, 4));
			return;
		}
		break;
	case ODPA_USERSPACE: {
		uint32_t pid = 0;
		odp_gather(&g, pol->nest, pl);
		odp_get_u32(&g, "pid", &pid);
		sbuf_printf(b, "userspace(pid=%u", pid);
		if (odp_get(&g, "userdata", &a)) {
			size_t un;
			const uint8_t *u;
			struct nlc t2 = a;
			u = nlc_rest(&t2, &un);
			sbuf_puts(b, ",userdata(");
			if (u)
				sbuf_hex(b, u, un);
			sbuf_putc(b, ')');
		}
		if (odp_get(&g, "actions", &a))
			sbuf_puts(b, ",actions");
		uint32_t tp;
		if (odp_get_u32(&g, "egress_tun_port", &tp))
			sbuf_printf(b, ",tunnel_out_port=%u", tp);
		sbuf_putc(b, ')');
		return;
	}
	case ODPA_SET: {
		bool first = true;
		sbuf_puts(b, "set(");
		odp_keys(st, b, pl, NULL, &first, depth + 1);
		sbuf_putc(b, ')');
		return;
	}
	case ODPA_SET_MASKED: {
		struct nlc it = *pl, kv;
		uint16_t kt;
		if (nla_next(&it, &kt, &kv) && nlc_left(&kv) % 2 == 0) {
			size_t half = nlc_left(&kv) / 2;
			struct nlc val = nlc_sub(&kv, half);
			struct nlc msk = kv;
			nlc_skip(&msk, half);
			sbuf_puts(b, "set(");
			size_t mark = b->len;
			if (!odp_key_attr(st, b, kt, &val, &msk, depth + 1)) {
				b->len = mark;
				b->p[mark] = 0;
			}
			sbuf_putc(b, ')');
			return;
		}
		break;
	}
	case ODPA_PUSH_VLAN:
		if (n == 4) {
			uint16_t tpid = (uint16_t)odp_be(v, 2), tci = (uint16_t)odp_be(v + 2, 2);
			sbuf_puts(b, "push_vlan(");
			if (tpid != 0x8100)
				sbuf_printf(b, "tpid=0x%04x,", tpid);
			odp_vlan(b, tci, 0xffff);
			sbuf_putc(b, ')');
			return;
		}
		break;
	case ODPA_SAMPLE: {
		uint32_t p = 0;
		odp_gather(&g, pol->nest, pl);
		odp_get_u32(&g, "probability", &p);
		sbuf_printf(b, "sample(sample=%.1f%%,actions(", p / 4294967295.0 * 100);
		fmt_nested_actions(st, b, &g, "actions", depth);
		sbuf_puts(b, "))");
		return;
	}
	case ODPA_HASH:
		if (n == 8) {
			uint32_t alg = (uint32_t)odp_le(v, 4);
			sbuf_printf(b, "hash(%s(%u))", alg == 0 ? "l4" : alg == 1 ? "sym_l4" : "alg",
				    (unsigned)odp_le(v + 4, 4));
			return;
		}
		break;
	case ODPA_PUSH_MPLS:
		if (n == 8) {
			uint32_t l = (uint32_t)odp_be(v, 4);
			sbuf_printf(b, "%s(label=%u,tc=%u,ttl=%u,bos=%u,eth_type=0x%x)",
				    pol->name, l >> 12, (l >> 9) & 7,
				    l & 0xff, (l >> 8) & 1, (unsigned)odp_be(v + 4, 2));
			return;
		}
		break;
	case ODPA_POP_MPLS:
		if (n == 2) {
			sbuf_printf(b, "pop_mpls(eth_type=0x%x)", (unsigned)odp_be(v, 2));
			return;
		}
		break;
	case ODPA_CT: fmt_ct(b, pol->nest, pl); return;
	case ODPA_PUSH_ETH: {		/* struct ovs_action_push_eth: the ethernet key's members */
		static const struct ovs_odp_key push_eth = { "push_eth", ODP_STRUCT };
		if (n == pol->st->size && n <= ODP_EXACT_MAX) {
			odp_struct(b, &push_eth, pol->st, v, odp_exact);
			return;
		}
		break;
	}
	case ODPA_PUSH_NSH:
		sbuf_puts(b, "push_");
		odp_nsh_set(b, pol->nest, pl);
		return;
	case ODPA_CLONE:
		sbuf_puts(b, "clone(");
		fmt_actions(st, b, pl, depth + 1);
		sbuf_putc(b, ')');
		return;
	case ODPA_CHECK_PKT_LEN: {
		uint16_t size = 0;
		odp_gather(&g, pol->nest, pl);
		if (odp_get(&g, "pkt_len", &a) && nlc_left(&a) == 2)
			size = nlc_u16(&a);
		sbuf_printf(b, "check_pkt_len(size=%u,gt(", size);
		fmt_nested_actions(st, b, &g, "actions_if_greater", depth);
		sbuf_puts(b, "),le(");
		fmt_nested_actions(st, b, &g, "actions_if_less_equal", depth);
		sbuf_puts(b, "))");
		return;
	}
	case ODPA_DEC_TTL:
		odp_gather(&g, pol->nest, pl);
		sbuf_puts(b, "dec_ttl(le_1(");
		fmt_nested_actions(st, b, &g, "action", depth);
		sbuf_puts(b, "))");
		return;
	case ODPA_PSAMPLE: {
		uint32_t grp = 0;
		odp_gather(&g, pol->nest, pl);
		odp_get_u32(&g, "group", &grp);
		sbuf_printf(b, "psample(group=%u", grp);
		if (odp_get(&g, "cookie", &a)) {
			uint8_t ck[16];
			size_t cn = odp_take(&a, ck, sizeof(ck));
			sbuf_puts(b, ",cookie=0x");
			sbuf_hex(b, ck, cn);
		}
		sbuf_putc(b, ')');
		return;
	}
	default:
		break;
	}
	sbuf_printf(b, "action%u(", t);
	odp_spaced_hex(b, v, n);
	sbuf_putc(b, ')');
}

static void fmt_actions(struct nlstate *st, struct sbuf *b, const struct nlc *acts, int depth)
{
	struct nlc it = *acts, pl;
	uint16_t t;
	bool first = true;

	if (depth > ODP_MAXDEPTH) {
		sbuf_puts(b, "...");
		return;
	}
	while (nla_next(&it, &t, &pl)) {
		odp_sep(b, &first);
		fmt_action(st, b, t, &pl, depth);
	}
	if (first)
		sbuf_puts(b, "drop");
}

void ovs_odp_actions(struct nlstate *st, struct sbuf *b, const struct nlc *acts)
{
	fmt_actions(st, b, acts, 0);
}
