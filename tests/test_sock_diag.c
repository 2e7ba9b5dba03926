/* test_sock_diag.c - sock_diag's tables are consistent: every struct's
 * members add up to its size (the engine reads members one after the
 * other), every bit-field word's members to whole bytes.  The sizes and
 * numbers themselves are compared with the uAPI headers by
 * check_sockdiag_numbers.py. */
#include <stdio.h>

#include "sock_diag.h"

static int failures;
static unsigned structs;

#define CHECK(c, ...) do { if (!(c)) { failures++; fprintf(stderr, "%s:%d: ", __FILE__, __LINE__); \
	fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

static unsigned member_width(const struct nl_attr_pol *f)
{
	switch (f->kind) {
	case NLA_KIND_U8: case NLA_KIND_S8: return 1;
	case NLA_KIND_U16: case NLA_KIND_S16: case NLA_KIND_BE16: return 2;
	case NLA_KIND_U32: case NLA_KIND_S32: case NLA_KIND_BE32: case NLA_KIND_IPV4: return 4;
	case NLA_KIND_U64: case NLA_KIND_S64: case NLA_KIND_BE64: return 8;
	case NLA_KIND_IPV6: return 16;
	case NLA_KIND_MAC: return f->len ? f->len : 6;
	case NLA_KIND_STRUCT: return f->st->size;
	default: return f->len;
	}
}

static void check_bits(const struct nl_attr_pol *f)
{
	const struct sd_bitfields *bf = f->cbdata;
	unsigned bits = 0;

	for (unsigned i = 0; i < bf->n; i++)
		bits += bf->m[i].len;
	CHECK(bits % 8 == 0 && bits <= 64, "%s: bit fields of %u bits", f->name, bits);
	if (f->len)
		CHECK(bits == 8u * f->len, "%s: %u bits in %u bytes", f->name, bits, f->len);
}

static void check_set(const struct nl_attr_set *set, int depth);

static void check_struct(const struct nl_struct *st, int depth)
{
	unsigned sum = 0;

	if (depth > 4)
		return;
	structs++;
	for (unsigned i = 0; i < st->nfields; i++) {
		const struct nl_attr_pol *f = &st->fields[i];
		unsigned w = member_width(f);
		CHECK(w, "%s: member %u (%s) has no width", st->name, i, f->name ? f->name : "-");
		sum += w;
		if (f->kind == NLA_KIND_STRUCT)
			check_struct(f->st, depth + 1);
		if (f->cb == sd_cb_bits)
			check_bits(f);
	}
	CHECK(sum == st->size, "%s: members add up to %u, size %u", st->name, sum, st->size);
	CHECK(!st->min_size || st->min_size <= st->size, "%s: min_size %u > size %u", st->name,
	      st->min_size, st->size);
}

static void check_set(const struct nl_attr_set *set, int depth)
{
	if (!set || depth > 4)
		return;
	for (unsigned t = 0; t <= set->max; t++) {
		const struct nl_attr_pol *p = &set->attrs[t];
		if (!p->name)
			continue;
		if (p->st)
			check_struct(p->st, depth + 1);
		if (p->cb == sd_cb_structs) {
			const struct nl_attr_pol *item = p->cbdata;
			CHECK(item && item->st, "%s: an array without its struct", p->name);
			if (item && item->st)
				check_struct(item->st, depth + 1);
		}
		if (p->cb == sd_cb_bits)
			check_bits(p);
		if (p->nest)
			check_set(p->nest, depth + 1);
	}
}

int main(void)
{
	const struct nl_struct *hdrs[] = {
		&sd_inet_req_v2, &sd_inet_req_v1, &sd_inet_msg, &sd_unix_req, &sd_unix_msg,
		&sd_netlink_req, &sd_netlink_msg, &sd_packet_req, &sd_packet_msg, &sd_smc_req,
		&sd_smc_msg, &sd_vsock_req, &sd_vsock_msg, &sd_xdp_req, &sd_xdp_msg,
		&sd_sock_diag_req, &sd_tcp_info, &sd_mptcp_info,
	};
	const struct nl_attr_set *sets[] = {
		&sd_inet_set, &sd_inet_req_set, &sd_unix_set, &sd_netlink_set, &sd_packet_set,
		&sd_smc_set, &sd_xdp_set,
	};

	for (unsigned i = 0; i < ARRAY_SIZE(hdrs); i++)
		check_struct(hdrs[i], 0);
	for (unsigned i = 0; i < ARRAY_SIZE(sets); i++)
		check_set(sets[i], 0);
	CHECK(structs > 30, "%u structs checked", structs);
	printf("test_sock_diag: %u structs, %d failures\n", structs, failures);
	return failures != 0;
}
