from pathlib import Path

import pytest

from maturity.framework_file import read_framework_file
from maturity.services import framework_load

MLOPS_YAML = Path(__file__).resolve().parent.parent / "maturity" / "frameworks" / "mlops.yaml"


@pytest.fixture
def mlops_framework(db):
    """The default framework, loaded as `load_framework` would."""
    return framework_load(spec=read_framework_file(MLOPS_YAML)).framework
