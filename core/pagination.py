"""The API's page numbers: `page` is one integer, as the schema says, or the 404 of a page that does not exist."""

from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination


class PageNumbers(PageNumberPagination):
    def get_page_number(self, request, paginator):
        # DRF reads a blank `page` as the first page and a repeated one as its last value.
        given = request.query_params.getlist(self.page_query_param)
        if given and (len(given) > 1 or not given[0]):
            raise NotFound(self.invalid_page_message.format(page_number=",".join(given), message="Not one number."))
        return super().get_page_number(request, paginator)
