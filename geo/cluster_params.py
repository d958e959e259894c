"""The clustering parameters: the methods, their options and the checks they get.

Shared by the library (:mod:`geo.cluster`, :mod:`geo.process`), the API and
the command line. The module needs only the standard library, so the command
line builds its options without loading the scientific stack.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Integral, Real

from geo.errors import InvalidClusterParamsError
from geo.vocabulary import ClusterMethod, LocationRole

LAUNCH_ROLES = ("departure", "pickup")
"""The location roles that stand for a launch site."""

WEIGHTS = ("none", "people", "boats")
"""What each incident counts for: one, its people or its boats (one when unknown)."""

EPS_M_RANGE = (1.0, 100_000.0)

METHOD_PARAMETERS: dict[ClusterMethod, tuple[str, ...]] = {
    ClusterMethod.DBSCAN: ("eps_m", "min_samples"),
    ClusterMethod.HDBSCAN: ("min_cluster_size",),
    ClusterMethod.COAST: ("eps_km", "min_samples"),
    ClusterMethod.SPACE_TIME: ("eps_m", "gap_days", "min_samples"),
}


@dataclass(frozen=True)
class ClusterParams:
    """Parameters of :func:`cluster_incidents`, checked when made.

    Attributes
    ----------
    method
        The clustering method (a :class:`ClusterMethod` or its value).
    eps_m
        ``dbscan`` and ``space-time``: neighbourhood radius in metres (1 to 100,000).
    min_samples
        ``dbscan``, ``space-time``: weight a neighbourhood needs to make a core
        point, the point itself included; ``coast``: weight a stretch needs to
        be a cluster.
    eps_km
        ``coast``: the largest gap along the coast inside one cluster, in km.
    gap_days
        ``space-time``: the largest difference in days between neighbours.
    min_cluster_size
        ``hdbscan``: the smallest cluster, in (weighted) incidents.
    weight
        ``none``, ``people`` or ``boats``: what each incident counts for; an
        unknown count counts as one.
    roles
        Location roles taken into account; ``()`` takes every role (and
        incidents without one).

    Raises
    ------
    InvalidClusterParamsError
        Naming the parameter and its bad value.
    """

    method: ClusterMethod = ClusterMethod.DBSCAN
    eps_m: float = 2_000.0
    min_samples: int = 3
    eps_km: float = 3.0
    gap_days: float = 7.0
    min_cluster_size: int = 5
    weight: str = "none"
    roles: tuple[str, ...] = LAUNCH_ROLES

    def __post_init__(self) -> None:
        """Check every field, and normalize the method and roles given as strings or lists."""
        object.__setattr__(self, "method", _checked_method(self.method))
        _check_number("eps_m", self.eps_m, "a positive number of metres", low=0.0)
        if not EPS_M_RANGE[0] <= self.eps_m <= EPS_M_RANGE[1]:
            low, high = EPS_M_RANGE
            raise InvalidClusterParamsError(
                f"eps_m must be between {low:g} and {high:g} metres, got {self.eps_m!r}"
            )
        _check_count("min_samples", self.min_samples, 1)
        _check_number("eps_km", self.eps_km, "a positive number of kilometres", low=0.0)
        _check_number(
            "gap_days", self.gap_days, "a number of days, 0 or more", low=0.0, strict=False
        )
        _check_count("min_cluster_size", self.min_cluster_size, 2)
        if not isinstance(self.weight, str) or self.weight not in WEIGHTS:
            raise InvalidClusterParamsError(
                f"weight must be one of {', '.join(WEIGHTS)}, got {self.weight!r}"
            )
        object.__setattr__(self, "roles", _checked_roles(self.roles))
        for name in ("eps_m", "eps_km", "gap_days"):  # plain numbers: as_dict stays JSON-ready
            object.__setattr__(self, name, float(getattr(self, name)))
        for name in ("min_samples", "min_cluster_size"):
            object.__setattr__(self, name, int(getattr(self, name)))

    def as_dict(self) -> dict[str, object]:
        """Return the method, the parameters it uses, the weight and the roles, JSON-ready."""
        used: dict[str, object] = {"method": self.method.value}
        for name in METHOD_PARAMETERS[self.method]:
            used[name] = getattr(self, name)
        used["weight"] = self.weight
        used["roles"] = list(self.roles)
        return used


def _checked_method(method: object) -> ClusterMethod:
    """Return the method as a :class:`ClusterMethod`, or raise naming the bad value."""
    if isinstance(method, str) and method in {m.value for m in ClusterMethod}:
        return ClusterMethod(method)
    names = ", ".join(m.value for m in ClusterMethod)
    raise InvalidClusterParamsError(f"method must be one of {names}, got {method!r}")


def _check_number(name: str, value: object, what: str, *, low: float, strict: bool = True) -> None:
    """Raise unless ``value`` is a finite real number above ``low`` (or equal, if not strict)."""
    if isinstance(value, Real) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number) and (number > low if strict else number >= low):
            return
    raise InvalidClusterParamsError(f"{name} must be {what}, got {value!r}")


def _check_count(name: str, value: object, low: int) -> None:
    """Raise unless ``value`` is an integer of at least ``low``."""
    if isinstance(value, bool) or not isinstance(value, Integral) or int(value) < low:
        raise InvalidClusterParamsError(
            f"{name} must be an integer of at least {low}, got {value!r}"
        )


def _checked_roles(roles: object) -> tuple[str, ...]:
    """Return the roles as a tuple of role names without repeats, or raise naming the bad one."""
    if isinstance(roles, str) or not isinstance(roles, tuple | list):
        raise InvalidClusterParamsError(f"roles must be a tuple of role names, got {roles!r}")
    known = [role.value for role in LocationRole]
    for role in roles:
        if not isinstance(role, str) or role not in known:
            raise InvalidClusterParamsError(
                f"roles must hold location roles ({', '.join(known)}), got {role!r}"
            )
    return tuple(dict.fromkeys(str(role) for role in roles))


DEFAULT_PARAMS = ClusterParams()


def parse_roles(text: str | None) -> tuple[str, ...]:
    """Read ``departure,pickup`` (``all``: every role) into roles; None: the launch roles."""
    if text is None:
        return LAUNCH_ROLES
    if text.strip().lower() == "all":
        return ()
    return tuple(role.strip() for role in text.split(",") if role.strip())
