"""Routes of the web pages; the web work fills this module."""

from fastapi import APIRouter

router = APIRouter()
