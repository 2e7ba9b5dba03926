/* ynl_ipvs.c - IPVS addresses by their family.  A service's and a real
 * server's address is a union nf_inet_addr (16 bytes) whatever the
 * family; IPVS_SVC_ATTR_AF and IPVS_DEST_ATTR_ADDR_FAMILY (AF_INET 2,
 * AF_INET6 10) say which: an IPv4 address is its first 4 bytes.
 *
 * Reference: include/uapi/linux/ip_vs.h (Linux 7.2), specs/extra/ipvs.yaml.
 */
#include "ynl.h"

enum { IPVS_AF_INET = 2, IPVS_AF_INET6 = 10 };

bool ynl_addr_by_af_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		       struct nlc *c)
{
	struct nl_attr_pol one = { .name = pol->name, .kind = NLA_KIND_ADDR };
	size_t n = nlc_left(c);
	uint64_t af;

	if (pol->cbdata && ynl_sibling_uint(d, pol->cbdata, c, &af)) {
		if (af == IPVS_AF_INET && n >= 4) {
			struct nlc a = nlc_sub(c, 4);
			one.kind = NLA_KIND_IPV4;
			nla_value(d, &one, key, &a);
			nlc_skip(c, n);
			return true;
		}
		if (af == IPVS_AF_INET6 && n == 16)
			one.kind = NLA_KIND_IPV6;
	}
	nla_value(d, &one, key, c);	/* no family: by the length */
	return true;
}

static const struct nl_attr_pol addr_alts[] = {
	{ "family inet", NLA_KIND_IPV4 },
	{ "family inet6", NLA_KIND_IPV6 },
	{ "no family", NLA_KIND_ADDR },
};
const struct nl_shape ynl_addr_by_af_shape = NL_SHAPE_ALTS(addr_alts);
