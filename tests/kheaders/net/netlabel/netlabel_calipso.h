/*
 * Excerpt for tests/check_spec_numbers.py: the command and attribute enums
 * of net/netlabel/netlabel_calipso.h of Linux.  Facts only, no code.
 */
#include <net/netlabel.h>

enum {
	NLBL_CALIPSO_C_UNSPEC,
	NLBL_CALIPSO_C_ADD,
	NLBL_CALIPSO_C_REMOVE,
	NLBL_CALIPSO_C_LIST,
	NLBL_CALIPSO_C_LISTALL,
	__NLBL_CALIPSO_C_MAX,
};

enum {
	NLBL_CALIPSO_A_UNSPEC,
	NLBL_CALIPSO_A_DOI,
	NLBL_CALIPSO_A_MTYPE,
	__NLBL_CALIPSO_A_MAX,
};
