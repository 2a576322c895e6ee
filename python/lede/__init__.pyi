# Type stubs for the lede package (python/lede/__init__.py).
from typing import Any, Callable, Dict, Iterator, Optional, Union

__version__: str

class ExtractError(ValueError):
    code: str
    def __init__(self, code: str, message: str) -> None: ...

def extract(html: Union[bytes, str], url: Optional[str] = ..., content_type: Optional[str] = ...,
            *, charset: str = ..., reference_date: str = ..., include_comments: bool = ...,
            include_links: bool = ..., include_images: bool = ..., include_metadata: bool = ...,
            max_input_bytes: int = ..., max_nodes: int = ..., max_depth: int = ...,
            max_milliseconds: int = ...) -> Dict[str, Any]: ...
def extract_as(html: Union[bytes, str], format: str = ..., url: Optional[str] = ...,
               content_type: Optional[str] = ..., links: bool = ..., images: bool = ..., metadata: bool = ...,
               *, charset: str = ..., reference_date: str = ..., include_comments: bool = ...,
               include_links: bool = ..., include_images: bool = ..., include_metadata: bool = ...,
               max_input_bytes: int = ..., max_nodes: int = ..., max_depth: int = ...,
               max_milliseconds: int = ...) -> str: ...
def extract_warc(path: str, on_error: Optional[Callable[[str], None]] = ..., *, charset: str = ...,
                 reference_date: str = ..., include_comments: bool = ..., include_links: bool = ...,
                 include_images: bool = ..., include_metadata: bool = ..., max_input_bytes: int = ...,
                 max_nodes: int = ..., max_depth: int = ...,
                 max_milliseconds: int = ...) -> Iterator[Dict[str, Any]]: ...
