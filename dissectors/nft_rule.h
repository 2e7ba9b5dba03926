/* nft_rule.h - what the nft_rule*.c files share: a rule's expressions
 * rendered as the nft statement they came from (nft_rule.c the register
 * machine and the relations, nft_rule_stmt.c the statements,
 * nft_rule_val.c values by type and the sets learned, nft_rule_tables.c
 * the names).  Not part of any other module's API.
 *
 * Reference: include/uapi/linux/netfilter/nf_tables.h (NFTA_*, NFT_*),
 * include/uapi/linux/netfilter.h, the header layouts of RFC 791, 8200,
 * 793, 768, 792, 4443, 826 and IEEE 802.3/802.1Q; nft(8) for the syntax.
 */
#ifndef NLDUMP_NFT_RULE_H
#define NLDUMP_NFT_RULE_H

#include <stdbool.h>
#include <stdint.h>

#include "dissect.h"
#include "nftset.h"
#include "sbuf.h"

/* The rule's expressions (NFTA_RULE_EXPRESSIONS at exprs, its userdata
 * or NULL) as nft prints the rule, else as the expression list; false:
 * nothing to write. */
bool nft_rule_text(struct dctx *d, const uint8_t *table, size_t tn, const struct nlc *exprs,
		   const struct nlc *udata, struct sbuf *b);
/* Learn the sets and elements of an nftables message (nfnl.c's hook). */
void nft_rule_learn(struct nlstate *st, uint16_t type, uint16_t flags, struct nlc payload);

/* NFPROTO_* */
enum { NFP_INET = 1, NFP_IPV4 = 2, NFP_ARP = 3, NFP_NETDEV = 5, NFP_BRIDGE = 7,
       NFP_IPV6 = 10 };

/* the types of values, as nft prints them */
enum nft_ty {
	TY_NONE,	/* cannot be printed: the rule falls back */
	TY_INT,		/* unsigned decimal */
	TY_HEX,		/* 0x... */
	TY_IPV4, TY_IPV6, TY_ETHER,
	TY_ETHERTYPE, TY_PROTO, TY_NFPROTO,
	TY_ICMP, TY_ICMP_CODE, TY_ICMP6, TY_ICMP6_CODE,
	TY_MARK,	/* 0x%08x */
	TY_IFINDEX,	/* a name when learned, else the number */
	TY_IFNAME,	/* "lo", "eth*" */
	TY_STRING,
	TY_CTSTATE, TY_CTSTATUS, TY_TCPFLAGS,	/* bitmasks */
	TY_CTDIR, TY_ARPOP, TY_PKTTYPE, TY_ARPHRD, TY_ADDRTYPE,
};

/* protocols of a payload's header */
enum nft_proto {
	PR_NONE, PR_ETHER, PR_VLAN, PR_ARP, PR_IP, PR_IP6, PR_TCP, PR_UDP, PR_UDPLITE,
	PR_SCTP, PR_DCCP, PR_ICMP, PR_ICMP6, PR_ESP, PR_AH, PR_COMP, PR_TH,
};

/* a header field: (base, protocol, offset, length in bytes) -> name */
struct nft_pfield {
	uint8_t proto;		/* enum nft_proto */
	uint8_t off, len;
	const char *name;
	uint8_t ty;
};

/* a key of meta, ct, socket, rt...: its name, type, length */
struct nft_key {
	const char *name;
	uint8_t ty;
	uint8_t len;
	bool host;		/* in host order (else big-endian) */
	bool bare;		/* written without "meta" (iif, oifname) */
};

/* tables (nft_rule_tables.c) */
const char *nft_proto_name(unsigned proto);
/* the protocol of a transport header by its IP protocol number */
unsigned nft_l4_proto(int ipproto);
const struct nft_pfield *nft_pfield(unsigned proto, unsigned off, unsigned len);
const struct nft_key *nft_meta_key(uint32_t key);
const struct nft_key *nft_ct_key(uint32_t key);
const struct nft_key *nft_tcpopt(unsigned type, unsigned off, unsigned len,
				 const char **optname);
/* the name of v in table ty (ethertype, protocol, icmp types...), or NULL */
const char *nft_sym(unsigned ty, uint32_t v);
/* bit names of a bitmask type, by bit */
const struct nl_names *nft_bits(unsigned ty);
/* a verdict code's name (accept, drop, jump...), or NULL */
const char *nft_verdict_name(int32_t code);

/* ---- the renderer ---- */

#define NFT_XA 24		/* attributes of one set kept by type (< 32) */
#define NFT_TOKS 64
#define NFT_SLOTS 16		/* 32-bit registers */
#define NFT_TXT 160

/* one expression's attributes, by type */
struct nft_xa {
	uint32_t have;
	struct nlc a[NFT_XA];
};

/* what a register holds */
struct nft_reg {
	uint8_t kind;		/* RK_* */
	uint8_t ty;		/* enum nft_ty of the value */
	bool host;		/* host order */
	uint8_t len;		/* bytes of the value */
	uint8_t layer;		/* 1: a network, 2: a transport header load */
	bool consumed;
	bool masked;		/* a bitwise mask/xor applied */
	uint8_t ck;		/* what a relation on it tells (nft_rule.c) */
	unsigned seq;		/* the load's order, for concatenations */
	uint8_t mask[16], xor_[16];
	uint8_t val[NFTSET_KEY];	/* RK_CONST: the value */
	char text[NFT_TXT];	/* RK_LOAD, RK_EXPR: as nft writes it */
};
enum { RK_NONE, RK_LOAD, RK_CONST, RK_EXPR };

struct nft_tok {
	size_t off, len;
	bool dead;
};

struct nft_r {
	struct dctx *d;
	uint8_t family;
	const uint8_t *table;
	size_t tn;
	bool cap_be;		/* the capture's host order is big-endian */
	bool request;		/* a message to the kernel (sets by set id) */
	struct nft_reg reg[NFT_SLOTS];
	struct sbuf out;	/* the tokens' text */
	struct nft_tok tok[NFT_TOKS];
	unsigned ntok;
	int nfproto;		/* the network protocol known (NFPROTO_*), or -1 */
	int l4;			/* the IP protocol known, or -1 */
	int dep_net, dep_l4, dep_link;	/* a token nft hides as a dependency, or -1 */
	unsigned seq;
	bool fail;		/* cannot render: fall back */
};

/* nft_rule.c */
int nft_slot(uint32_t reg);
/* the attributes of the set at c by type; false: malformed */
bool nft_xa_parse(struct nlc c, struct nft_xa *x);
/* the bytes of a NFTA_DATA's NFTA_DATA_VALUE (at most max) */
bool nft_data_value(struct nlc data, uint8_t *buf, size_t max, size_t *n);
/* attribute t of x: a big-endian 32/64-bit, 8/16-bit, a string, a
 * NFTA_DATA_VALUE's bytes (at most max) */
bool nft_a_u32(const struct nft_xa *x, unsigned t, uint32_t *v);
bool nft_a_u64(const struct nft_xa *x, unsigned t, uint64_t *v);
bool nft_a_u8(const struct nft_xa *x, unsigned t, uint8_t *v);
bool nft_a_u16(const struct nft_xa *x, unsigned t, uint16_t *v);
bool nft_a_str(const struct nft_xa *x, unsigned t, const uint8_t **p, size_t *n);
bool nft_a_value(const struct nft_xa *x, unsigned t, uint8_t *buf, size_t max, size_t *n);
/* the register of attribute t, in use (else the rule fails) */
struct nft_reg *nft_src(struct nft_r *r, const struct nft_xa *x, unsigned t);
/* the register attribute t names, emptied to be written; a load into it
 * (kind RK_LOAD, its order) */
struct nft_reg *nft_dst(struct nft_r *r, const struct nft_xa *x, unsigned t);
struct nft_reg *nft_load(struct nft_r *r, const struct nft_xa *x, unsigned t, unsigned ty,
			 bool host, unsigned len);
/* a dependency token (r->dep_net, r->dep_l4) hidden, as nft does */
void nft_dep_kill(struct nft_r *r, int *dep);
/* the key at g and the loads concatenated to it ("ip saddr . tcp dport")
 * written to t, all marked used; the parts in parts (at most max) */
unsigned nft_concat(struct nft_r *r, struct nft_reg *g, struct nft_reg **parts, unsigned max,
		    struct sbuf *t);
void nft_concat_text(struct nft_r *r, struct nft_reg *g, struct sbuf *t);
/* "<lhs> set <value>": a statement writing register sreg's value of type
 * ty (host order: host) */
void nft_set_stmt(struct nft_r *r, const struct nft_xa *x, unsigned sreg, const char *lhs,
		  unsigned ty, bool host);
/* a new statement's text goes to r->out until nft_tok_end */
void nft_tok_begin(struct nft_r *r);
void nft_tok_end(struct nft_r *r);
/* the text of a register's value or expression (a constant by type ty) */
bool nft_reg_text(struct nft_r *r, struct nft_reg *g, unsigned ty, bool host, struct sbuf *b);

/* nft_rule_load.c: the other loads */
void nft_ex_exthdr(struct nft_r *r, const struct nft_xa *x);
void nft_ex_fib(struct nft_r *r, const struct nft_xa *x);
void nft_ex_socket(struct nft_r *r, const struct nft_xa *x);
void nft_ex_osf(struct nft_r *r, const struct nft_xa *x);
void nft_ex_numgen(struct nft_r *r, const struct nft_xa *x);
void nft_ex_hash(struct nft_r *r, const struct nft_xa *x);
void nft_ex_rt(struct nft_r *r, const struct nft_xa *x);

/* one NFTA_LIST_ELEM: its name and data's attributes; false: malformed */
bool nft_expr_parse(struct nlc el, const uint8_t **nm, size_t *nn, struct nft_xa *x);

/* nft_rule_dbg.c: the expression list, as nft --debug=netlink writes it */
void nft_rule_dbg(struct nft_r *r, const struct nlc *exprs, struct sbuf *b);

/* nft_rule_stmt.c: a statement expression; false: not one */
bool nft_stmt(struct nft_r *r, const char *name, size_t nn, const struct nft_xa *x);
void nft_time(struct sbuf *b, uint64_t ms);

/* nft_rule_val.c */
/* a value of type ty (host: host order) as nft prints it; false: cannot */
bool nft_val(struct nft_r *r, struct sbuf *b, unsigned ty, bool host, const uint8_t *p,
	     size_t n);
/* the elements of an anonymous set { ... } by the key's registers (one per
 * concatenated part); vmap: verdict data */
bool nft_set_text(struct nft_r *r, struct sbuf *b, const uint8_t *name, size_t nn,
		  uint32_t id, struct nft_reg *const *parts, unsigned nparts, bool vmap);
bool nft_verdict_text(struct sbuf *b, int32_t code, const uint8_t *chain, size_t cn);
/* a NFTA_DATA holding a NFTA_DATA_VERDICT, as nft writes it */
bool nft_verdict_of(struct nft_r *r, struct nlc data, struct sbuf *b);

#endif
